package liangshan.ledger.credits;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import liangshan.ledger.Account;
import liangshan.ledger.Ledger;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.ResultCode;
import liangshan.ledger.TransferRequest;

/**
 * The eco-credit registry: commands in, stable {@link CreditCode}s out (credits-design.md).
 *
 * <p>Each command is planned against the current state without changing it ({@link Plan}); the credit
 * movements the plan implies, plus the CNY legs of a sale, go to the {@link Ledger} as one linked batch;
 * only when every leg was applied does the registry change, append a hash-chained history entry and
 * publish register lines. So the per-account balances of the registry always equal the ledger's
 * ECO_CREDIT accounts ({@link CreditInvariants} compares them), and money and credits move together.
 * Every answer is remembered under the request id and replayed on retry. Methods are synchronized: one
 * registry serialises its callers.
 */
public final class CreditRegistry {

    private final RegistryState state = new RegistryState();
    private final CreditAccounts accounts;
    private final Ledger ledger;
    private final Clock clock;
    private final SupplyCommands supply;
    private final MarketCommands market;
    private final BidCommands bids;

    /**
     * A registry writing to {@code ledger}; opens the registry's system accounts there (idempotent).
     *
     * @param namespace distinguishes the ledger accounts of registries sharing one ledger
     */
    public CreditRegistry(String namespace, Ledger ledger, Clock clock, List<CreditPolicy> policies) {
        this.accounts = new CreditAccounts(namespace);
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (CreditPolicy p : policies) {
            state.policies.put(p.version(), p);
        }
        openLedgerAccounts(accounts.system());
        this.supply = new SupplyCommands(state, accounts, this::openLedgerAccounts);
        this.market = new MarketCommands(state);
        this.bids = new BidCommands(state, market);
    }

    private void openLedgerAccounts(List<liangshan.ledger.NewAccount> requests) {
        for (LedgerResult r : ledger.createAccounts(requests)) {
            if (!r.isSuccess()) {
                throw new IllegalStateException("ledger refused registry account " + r.id() + ": " + r.code());
            }
        }
    }

    /** Runs one command; see {@link CreditCommand} for the idempotency rule. */
    public synchronized CreditOutcome execute(CreditCommand command) {
        Objects.requireNonNull(command.requestId(), "requestId");
        RegistryState.Remembered earlier = state.outcomes.get(command.requestId());
        if (earlier != null) {
            return earlier.command().equals(command)
                    ? earlier.outcome().asReplay()
                    : CreditOutcome.rejected(command.requestId(), CreditCode.REQUEST_ID_REUSED);
        }
        Plan plan = new Plan(command.requestId(), clock.instant(), state, accounts);
        CreditCode code = plan(command, plan);
        CreditOutcome outcome =
                code == CreditCode.OK ? settle(command, plan) : CreditOutcome.rejected(command.requestId(), code);
        state.outcomes.put(command.requestId(), new RegistryState.Remembered(command, outcome));
        return outcome;
    }

    private CreditOutcome settle(CreditCommand command, Plan plan) {
        String kind = kind(command);
        List<TransferRequest> legs = plan.legs(kind);
        if (!legs.isEmpty()) {
            for (LedgerResult r : ledger.submit(legs)) {
                if (!r.isSuccess() && r.code() != ResultCode.LINKED_EVENT_FAILED) {
                    return new CreditOutcome(command.requestId(), CreditCode.LEDGER_REJECTED, r.code(), legs, 0, false);
                }
            }
        }
        plan.apply();
        state.history.append(plan.at, command.requestId(), kind, command.toString(), plan.movements());
        return new CreditOutcome(command.requestId(), CreditCode.OK, null, legs, plan.units, false);
    }

    private CreditCode plan(CreditCommand c, Plan plan) {
        if (c instanceof CreditCommand.OpenAccount x) {
            return supply.openAccount(x, plan);
        } else if (c instanceof CreditCommand.ConfigurePool x) {
            return supply.configurePool(x, plan);
        } else if (c instanceof CreditCommand.RegisterProject x) {
            return supply.registerProject(x, plan);
        } else if (c instanceof CreditCommand.CreateBatch x) {
            return supply.createBatch(x, plan);
        } else if (c instanceof CreditCommand.RecordVerification x) {
            return supply.recordVerification(x, plan);
        } else if (c instanceof CreditCommand.ProposeRelease x) {
            return supply.proposeRelease(x, plan);
        } else if (c instanceof CreditCommand.ApproveRelease x) {
            return supply.approveRelease(x, plan);
        } else if (c instanceof CreditCommand.Cancel x) {
            return supply.cancel(x, plan);
        } else if (c instanceof CreditCommand.Transfer x) {
            return market.transfer(x, plan);
        } else if (c instanceof CreditCommand.ListCredits x) {
            return market.list(x, plan);
        } else if (c instanceof CreditCommand.Delist x) {
            return market.delist(x, plan);
        } else if (c instanceof CreditCommand.Buy x) {
            return market.buy(x, plan);
        } else if (c instanceof CreditCommand.BuyAndRetire x) {
            return market.buyAndRetire(x, plan);
        } else if (c instanceof CreditCommand.PlaceBid x) {
            return bids.place(x, plan);
        } else if (c instanceof CreditCommand.AcceptBid x) {
            return bids.accept(x, plan);
        } else if (c instanceof CreditCommand.WithdrawBid x) {
            return bids.withdraw(x, plan);
        } else if (c instanceof CreditCommand.RegisterObligation x) {
            return market.registerObligation(x, plan);
        } else if (c instanceof CreditCommand.Retire x) {
            return market.retire(x, plan);
        } else if (c instanceof CreditCommand.BuyFromPool x) {
            return market.buyFromPool(x, plan);
        } else if (c instanceof CreditCommand.SettlePoolLiabilities x) {
            return market.settlePoolLiabilities(x, plan);
        }
        throw new IllegalArgumentException("unknown command " + c.getClass());
    }

    /** {@code ApproveRelease} → {@code approve_release}: the history kind and the ledger code suffix. */
    static String kind(CreditCommand command) {
        String name = command.getClass().getSimpleName();
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    // ---- reads ----

    public CreditAccounts accounts() {
        return accounts;
    }

    /** ISSUED units held by {@code party} (what its holding account in the ledger holds). */
    public synchronized long issuedBalance(String party) {
        return RegistryState.sum(
                state.select(b -> b.state() == BlockState.ISSUED && b.holder().equals(party)));
    }

    /** PENDING units of {@code party}'s projects. */
    public synchronized long pendingBalance(String party) {
        return RegistryState.sum(
                state.select(b -> b.state() == BlockState.PENDING && b.holder().equals(party)));
    }

    /** Units in {@code s} across all holders. */
    public synchronized long units(BlockState s) {
        return RegistryState.sum(state.select(b -> b.state() == s));
    }

    public synchronized List<SerialBlock> blocks() {
        return List.copyOf(state.blocks.values());
    }

    public synchronized Optional<IssuanceBatch> batch(String id) {
        return Optional.ofNullable(state.batches.get(id));
    }

    public synchronized Optional<Obligation> obligation(String id) {
        return Optional.ofNullable(state.obligations.get(id));
    }

    public synchronized Optional<Listing> listing(String id) {
        return Optional.ofNullable(state.listings.get(id));
    }

    public synchronized Optional<Bid> bid(String id) {
        return Optional.ofNullable(state.bids.get(id));
    }

    /** Every listing, open or closed, in creation order. */
    public synchronized List<Listing> listings() {
        return List.copyOf(state.listings.values());
    }

    /** Every bid, open or closed, in creation order. */
    public synchronized List<Bid> bids() {
        return List.copyOf(state.bids.values());
    }

    /** Every obligation in registration order. */
    public synchronized List<Obligation> obligations() {
        return List.copyOf(state.obligations.values());
    }

    /** The number of register lines (to read only the lines a command added). */
    public synchronized int registerSize() {
        return state.register.size();
    }

    /** The register lines from index {@code from} on. */
    public synchronized List<RegisterEntry> registerFrom(int from) {
        return List.copyOf(state.register.subList(from, state.register.size()));
    }

    /** The number of history entries. */
    public synchronized int historySize() {
        return state.history.entries().size();
    }

    /** History entries from index {@code from} on. */
    public synchronized List<HistoryEntry> historyFrom(int from) {
        List<HistoryEntry> all = state.history.entries();
        return List.copyOf(all.subList(from, all.size()));
    }

    public synchronized List<PoolLiability> liabilities() {
        return List.copyOf(state.liabilities.values());
    }

    public synchronized List<HistoryEntry> history() {
        return List.copyOf(state.history.entries());
    }

    /** The public register, oldest first (invariant 10). */
    public synchronized List<RegisterEntry> register() {
        return List.copyOf(state.register);
    }

    /** The ledger account of {@code id} as the ledger holds it. */
    Optional<Account> ledgerAccount(java.util.UUID id) {
        return ledger.account(id);
    }

    /** For the invariant checker and tests in this package. */
    RegistryState state() {
        return state;
    }

    /** Parties with an account, in opening order. */
    public synchronized List<String> parties() {
        return new ArrayList<>(state.parties.keySet());
    }
}
