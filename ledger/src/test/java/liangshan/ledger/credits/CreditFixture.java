package liangshan.ledger.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import liangshan.kernel.money.Money;
import liangshan.ledger.Account;
import liangshan.ledger.Asset;
import liangshan.ledger.Ledger;
import liangshan.ledger.LedgerEngine;
import liangshan.ledger.LedgerInvariants;
import liangshan.ledger.NewAccount;
import liangshan.ledger.TransferRequest;

/** A registry over an in-memory ledger with helpers that keep the tests short. */
final class CreditFixture {

    static final RevenueShareRule RULE = new RevenueShareRule(
            "share.2026",
            Map.of(
                    RevenueShare.VILLAGE,
                    5000,
                    RevenueShare.HOUSEHOLDS,
                    3000,
                    RevenueShare.OPERATOR,
                    1000,
                    RevenueShare.FUNDS,
                    1000));

    /** Default rules: multiplier 1, same county, service type matching, no stacking, 10 % buffer. */
    static final CreditPolicy P1 = new CreditPolicy("p1", BigDecimal.ONE, true, true, StackingRule.NONE, 1000, RULE);
    /** Stacking with carbon-sink projects allowed, multiplier 1.5, no buffer. */
    static final CreditPolicy P2 =
            new CreditPolicy("p2", new BigDecimal("1.5"), true, false, StackingRule.WITH_CARBON_SINK, 0, RULE);

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2035, 12, 31);

    final Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
    final LedgerEngine ledger = Ledger.inMemory(clock);
    final CreditRegistry registry = new CreditRegistry("test", ledger, clock, List.of(P1, P2));
    final UUID bank = UUID.randomUUID();
    final Map<String, UUID> cash = new HashMap<>();
    private int next;

    CreditFixture() {
        ledger.createAccounts(List.of(NewAccount.unlimited(bank, Asset.CNY, "bank", "bank.settlement")));
    }

    String id(String prefix) {
        return prefix + "-" + (++next);
    }

    CreditOutcome run(CreditCommand command) {
        return registry.execute(command);
    }

    CreditOutcome ok(CreditCommand command) {
        CreditOutcome outcome = registry.execute(command);
        assertThat(outcome.code()).as("%s", command).isEqualTo(CreditCode.OK);
        return outcome;
    }

    /** Opens a party with one CNY cash account that receives all its sale shares. */
    String party(String id, String county, ProjectKind kind) {
        UUID account = UUID.nameUUIDFromBytes(("cash:" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ledger.createAccounts(List.of(NewAccount.noOverdraft(account, Asset.CNY, id, "party.cash")));
        cash.put(id, account);
        ok(new CreditCommand.OpenAccount(UUID.randomUUID(), CreditParty.single(id, county, kind, account)));
        return id;
    }

    void fund(String party, long fen) {
        assertThat(ledger.submit(TransferRequest.transfer(
                                UUID.randomUUID(), bank, cash.get(party), fen, Asset.CNY, "bank.deposit"))
                        .isSuccess())
                .isTrue();
    }

    long cashOf(String party) {
        return ledger.account(cash.get(party)).orElseThrow().creditBalancePosted();
    }

    long ledgerUnits(UUID account) {
        return ledger.account(account).map(Account::creditBalancePosted).orElseThrow();
    }

    CreditProject project(String owner, String county, String parcel, String serviceType, String policy) {
        return new CreditProject(
                id("proj"),
                ProjectKind.VILLAGE,
                county,
                owner,
                id("fp"),
                new LandClaim(Set.of(parcel), FROM, TO),
                serviceType,
                policy,
                false);
    }

    /** A registered project with a batch of {@code estimate} units and milestones at 40 % and 100 %. */
    String batch(String owner, String county, long estimate, String serviceType) {
        CreditProject p = project(owner, county, id("parcel"), serviceType, "p1");
        ok(new CreditCommand.RegisterProject(UUID.randomUUID(), p));
        String batchId = id("batch");
        ok(new CreditCommand.CreateBatch(
                UUID.randomUUID(),
                batchId,
                p.id(),
                2026,
                "p1",
                "prices.2025",
                estimate,
                List.of(new Milestone("planting", estimate * 4 / 10), new Milestone("acceptance", estimate))));
        return batchId;
    }

    /** Verifies and releases a milestone with two different people. */
    CreditOutcome release(String batchId, String milestone) {
        ok(new CreditCommand.RecordVerification(
                UUID.randomUUID(), id("ver"), batchId, milestone, "verifier.wang", "report-1", true));
        String proposal = id("prop");
        ok(new CreditCommand.ProposeRelease(UUID.randomUUID(), proposal, batchId, milestone, "maker.li"));
        return ok(new CreditCommand.ApproveRelease(UUID.randomUUID(), proposal, "checker.zhao"));
    }

    /** A batch fully released: 90 % ISSUED to the owner, 10 % BUFFER. */
    String issued(String owner, String county, long estimate, String serviceType) {
        String b = batch(owner, county, estimate, serviceType);
        release(b, "acceptance");
        return b;
    }

    String obligation(String obligor, String county, long lossFen, String serviceType) {
        String id = id("obl");
        ok(new CreditCommand.RegisterObligation(
                UUID.randomUUID(),
                id,
                id("dev"),
                obligor,
                county,
                Money.ofFen(-lossFen),
                "p1",
                "prices.2025",
                serviceType));
        return id;
    }

    void assertConsistent() {
        assertThat(CreditInvariants.check(registry)).isEmpty();
        assertThat(LedgerInvariants.check(ledger.state())).isEmpty();
    }
}
