package liangshan.ledger.credits;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import liangshan.ledger.NewAccount;

/** Planning of the supply side: accounts, pools, projects, batches, verification, release, cancellation. */
final class SupplyCommands {

    private final RegistryState state;
    private final CreditAccounts accounts;
    private final Consumer<List<NewAccount>> openLedgerAccounts;

    SupplyCommands(RegistryState state, CreditAccounts accounts, Consumer<List<NewAccount>> openLedgerAccounts) {
        this.state = state;
        this.accounts = accounts;
        this.openLedgerAccounts = openLedgerAccounts;
    }

    CreditCode openAccount(CreditCommand.OpenAccount c, Plan plan) {
        CreditParty party = c.party();
        if (state.parties.containsKey(party.id())) {
            return CreditCode.PARTY_EXISTS;
        }
        plan.effect(() -> {
            openLedgerAccounts.accept(accounts.of(party.id()));
            state.parties.put(party.id(), party);
        });
        return CreditCode.OK;
    }

    CreditCode configurePool(CreditCommand.ConfigurePool c, Plan plan) {
        CountyPool pool = c.pool();
        if (state.pools.containsKey(pool.county())) {
            return CreditCode.POOL_EXISTS;
        }
        if (!state.parties.containsKey(pool.party())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        plan.effect(() -> state.pools.put(pool.county(), pool));
        return CreditCode.OK;
    }

    /** Invariant 7: no two projects on the same land and period unless the stacking rule allows it. */
    CreditCode registerProject(CreditCommand.RegisterProject c, Plan plan) {
        CreditProject project = c.project();
        if (state.projects.containsKey(project.id())) {
            return CreditCode.PROJECT_EXISTS;
        }
        CreditPolicy policy = state.policies.get(project.policyVersion());
        if (policy == null) {
            return CreditCode.POLICY_NOT_FOUND;
        }
        if (!project.carbonSink() && !state.parties.containsKey(project.owner())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        if (!project.carbonSink() && project.kind() == ProjectKind.GOVERNMENT) {
            CountyPool pool = state.pools.get(project.county());
            if (pool == null || !pool.party().equals(project.owner())) {
                return CreditCode.GOVERNMENT_PROJECT_OWNER_NOT_POOL;
            }
        }
        for (CreditProject other : state.projects.values()) {
            if (other.land().overlaps(project.land()) && !stackingAllows(policy.stacking(), other, project)) {
                return CreditCode.LAND_OVERLAP;
            }
        }
        plan.effect(() -> state.projects.put(project.id(), project));
        return CreditCode.OK;
    }

    static boolean stackingAllows(StackingRule rule, CreditProject a, CreditProject b) {
        switch (rule) {
            case ALL:
                return true;
            case WITH_CARBON_SINK:
                return a.carbonSink() != b.carbonSink();
            default:
                return false;
        }
    }

    CreditCode createBatch(CreditCommand.CreateBatch c, Plan plan) {
        if (state.batches.containsKey(c.batchId())) {
            return CreditCode.BATCH_EXISTS;
        }
        CreditProject project = state.projects.get(c.projectId());
        if (project == null || project.carbonSink()) {
            return CreditCode.PROJECT_NOT_FOUND;
        }
        if (!state.policies.containsKey(c.policyVersion())) {
            return CreditCode.POLICY_NOT_FOUND;
        }
        if (c.estimatedUnits() < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        if (!milestonesValid(c.milestones(), c.estimatedUnits())) {
            return CreditCode.MILESTONES_INVALID;
        }
        long start = state.nextSerial;
        long end = Math.addExact(start, c.estimatedUnits() - 1);
        IssuanceBatch batch = new IssuanceBatch(
                c.batchId(),
                project.id(),
                project.county(),
                c.vintage(),
                c.policyVersion(),
                c.priceSetId(),
                start,
                end,
                c.milestones(),
                0,
                0);
        plan.issue(new SerialBlock(
                state.nextBlockId++, batch.id(), start, end, BlockState.PENDING, project.owner(), null, null, null));
        plan.units = c.estimatedUnits();
        plan.effect(() -> {
            state.nextSerial = end + 1;
            state.batches.put(batch.id(), batch);
        });
        return CreditCode.OK;
    }

    private static boolean milestonesValid(List<Milestone> milestones, long estimate) {
        if (milestones.isEmpty()) {
            return false;
        }
        Set<String> codes = new HashSet<>();
        long previous = 0;
        for (Milestone m : milestones) {
            if (!codes.add(m.code()) || m.cumulativeUnits() <= previous) {
                return false;
            }
            previous = m.cumulativeUnits();
        }
        return previous <= estimate;
    }

    CreditCode recordVerification(CreditCommand.RecordVerification c, Plan plan) {
        if (state.verifications.containsKey(c.verificationId())) {
            return CreditCode.VERIFICATION_EXISTS;
        }
        IssuanceBatch batch = state.batches.get(c.batchId());
        if (batch == null) {
            return CreditCode.BATCH_NOT_FOUND;
        }
        if (batch.milestone(c.milestoneCode()) == null) {
            return CreditCode.MILESTONE_NOT_FOUND;
        }
        Verification v = new Verification(
                c.verificationId(),
                c.batchId(),
                c.milestoneCode(),
                c.verifier(),
                c.recordRef(),
                c.completed(),
                plan.at);
        plan.effect(() -> state.verifications.put(v.id(), v));
        return CreditCode.OK;
    }

    private boolean verified(String batchId, String milestoneCode) {
        return state.verifications.values().stream()
                .anyMatch(v -> v.completed()
                        && v.batchId().equals(batchId)
                        && v.milestoneCode().equals(milestoneCode));
    }

    /** Units the milestone still allows: its cap − released, bounded by the units still pending. */
    private static long releasable(IssuanceBatch batch, Milestone milestone) {
        long pendingLeft = batch.estimated() - batch.released() - batch.cancelledPending();
        return Math.min(milestone.cumulativeUnits() - batch.released(), pendingLeft);
    }

    CreditCode proposeRelease(CreditCommand.ProposeRelease c, Plan plan) {
        if (state.proposals.containsKey(c.proposalId())) {
            return CreditCode.PROPOSAL_EXISTS;
        }
        IssuanceBatch batch = state.batches.get(c.batchId());
        if (batch == null) {
            return CreditCode.BATCH_NOT_FOUND;
        }
        Milestone milestone = batch.milestone(c.milestoneCode());
        if (milestone == null) {
            return CreditCode.MILESTONE_NOT_FOUND;
        }
        if (!verified(batch.id(), milestone.code())) {
            return CreditCode.VERIFICATION_MISSING;
        }
        if (releasable(batch, milestone) <= 0) {
            return CreditCode.NOTHING_TO_RELEASE;
        }
        ReleaseProposal p = new ReleaseProposal(c.proposalId(), batch.id(), milestone.code(), c.maker(), null, 0);
        plan.effect(() -> state.proposals.put(p.id(), p));
        return CreditCode.OK;
    }

    /**
     * Invariants 6 and 9: a second person approves; the release brings the batch up to the verified
     * milestone's cap and never beyond; the policy's buffer share goes to BUFFER, the rest is ISSUED.
     */
    CreditCode approveRelease(CreditCommand.ApproveRelease c, Plan plan) {
        ReleaseProposal proposal = state.proposals.get(c.proposalId());
        if (proposal == null) {
            return CreditCode.PROPOSAL_NOT_FOUND;
        }
        if (proposal.approved()) {
            return CreditCode.PROPOSAL_ALREADY_APPROVED;
        }
        if (c.checker() == null || c.checker().equals(proposal.maker())) {
            return CreditCode.MAKER_CHECKER_SAME_PERSON;
        }
        IssuanceBatch batch = state.batches.get(proposal.batchId());
        Milestone milestone = batch.milestone(proposal.milestoneCode());
        if (!verified(batch.id(), milestone.code())) {
            return CreditCode.VERIFICATION_MISSING;
        }
        long release = releasable(batch, milestone);
        if (release <= 0) {
            return CreditCode.NOTHING_TO_RELEASE;
        }
        long buffer = state.policies.get(batch.policyVersion()).bufferOf(release);
        String owner = state.projects.get(batch.projectId()).owner();
        List<SerialBlock> pending =
                state.select(b -> b.batchId().equals(batch.id()) && b.state() == BlockState.PENDING);
        List<SerialBlock> rest =
                plan.move(pending, release - buffer, b -> b.moveTo(BlockState.ISSUED, owner, null, null));
        if (buffer > 0) {
            plan.move(rest, buffer, b -> b.moveTo(BlockState.BUFFER, b.holder(), null, null));
        }
        plan.units = release;
        plan.entry(new RegisterEntry(
                RegisterEntry.Kind.ISSUANCE,
                plan.requestId,
                plan.at,
                batch.id(),
                owner,
                release,
                Plan.ranges(plan.changed(b -> b.state() == BlockState.ISSUED || b.state() == BlockState.BUFFER)),
                0,
                0,
                Map.of(),
                null,
                null,
                milestone.code()));
        ReleaseProposal approved = new ReleaseProposal(
                proposal.id(), proposal.batchId(), proposal.milestoneCode(), proposal.maker(), c.checker(), release);
        plan.effect(() -> {
            state.proposals.put(approved.id(), approved);
            state.batches.put(batch.id(), batch.withReleased(batch.released() + release));
        });
        return CreditCode.OK;
    }

    /** Cancels PENDING, ISSUED or BUFFER units (RETIRED and CANCELLED are final, LISTED must be delisted). */
    CreditCode cancel(CreditCommand.Cancel c, Plan plan) {
        if (!state.parties.containsKey(c.holder())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        IssuanceBatch batch = state.batches.get(c.batchId());
        if (batch == null) {
            return CreditCode.BATCH_NOT_FOUND;
        }
        BlockState from = c.from();
        if (from != BlockState.PENDING && from != BlockState.ISSUED && from != BlockState.BUFFER) {
            return CreditCode.STATE_NOT_CANCELLABLE;
        }
        if (c.units() < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        List<SerialBlock> held = state.select(b -> b.batchId().equals(batch.id())
                && b.state() == from
                && b.holder().equals(c.holder()));
        if (RegistryState.sum(held) < c.units()) {
            return CreditCode.INSUFFICIENT_CREDITS;
        }
        plan.move(held, c.units(), b -> b.moveTo(BlockState.CANCELLED, b.holder(), null, null));
        plan.units = c.units();
        plan.entry(new RegisterEntry(
                RegisterEntry.Kind.CANCELLATION,
                plan.requestId,
                plan.at,
                c.holder(),
                null,
                c.units(),
                Plan.ranges(plan.changed(b -> b.state() == BlockState.CANCELLED)),
                0,
                0,
                Map.of(),
                null,
                null,
                c.reason()));
        if (from == BlockState.PENDING) {
            plan.effect(() ->
                    state.batches.put(batch.id(), batch.withCancelledPending(batch.cancelledPending() + c.units())));
        }
        return CreditCode.OK;
    }
}
