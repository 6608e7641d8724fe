package liangshan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded simulation in the manner of TigerBeetle's VOPR: random commands (accounts, transfers,
 * pending/post/void, linked chains with failures inside, reversals, retries under old ids, requests that
 * must be rejected, account closings, clock jumps that expire reservations) go to the ledger and to
 * {@link NaiveLedgerModel}. After every command the answers, every balance and every pending status must
 * agree and {@link LedgerInvariants} must find nothing.
 *
 * <p>Each seed runs {@value #EPISODES} episodes of {@value #OPERATIONS} commands on a fresh ledger
 * (short episodes keep the full invariant recomputation after every command affordable). A failure names
 * its seed; replay one seed with {@code -Dledger.sim.seed=N}.
 */
class LedgerSimulationTest {

    static final int EPISODES = 400;
    static final int OPERATIONS = 250;

    private static final Asset[] ASSETS = {Asset.CNY, Asset.ECO_CREDIT};

    static LongStream seeds() {
        String replay = System.getProperty("ledger.sim.seed");
        return replay != null ? LongStream.of(Long.parseLong(replay)) : LongStream.of(20_260_301L, 7L, 42L);
    }

    /** Codes every seed must have produced, or the generator has stopped reaching part of the ledger. */
    private static final Set<ResultCode> MUST_OCCUR = EnumSet.of(
            ResultCode.OK,
            ResultCode.EXISTS,
            ResultCode.EXISTS_WITH_DIFFERENT_FIELDS,
            ResultCode.LINKED_EVENT_FAILED,
            ResultCode.LINKED_EVENT_CHAIN_OPEN,
            ResultCode.EXCEEDS_CREDITS,
            ResultCode.EXCEEDS_DEBITS,
            ResultCode.ACCOUNT_NOT_FOUND,
            ResultCode.ASSETS_MUST_MATCH,
            ResultCode.ACCOUNT_CLOSED,
            ResultCode.PENDING_NOT_FOUND,
            ResultCode.NOT_A_PENDING_TRANSFER,
            ResultCode.PENDING_ALREADY_POSTED,
            ResultCode.PENDING_ALREADY_VOIDED,
            ResultCode.PENDING_EXPIRED,
            ResultCode.EXCEEDS_PENDING_AMOUNT,
            ResultCode.NOT_REVERSIBLE,
            ResultCode.ALREADY_REVERSED,
            ResultCode.TRANSFER_TO_REVERSE_NOT_FOUND,
            ResultCode.OVERFLOWS_DEBITS_POSTED,
            ResultCode.OVERFLOWS_CREDITS_POSTED,
            ResultCode.AMOUNT_MUST_NOT_BE_ZERO,
            ResultCode.CREDIT_ACCOUNT_REQUIRED,
            ResultCode.PENDING_ID_NOT_ALLOWED,
            ResultCode.REVERSAL_MUST_BE_PLAIN,
            ResultCode.ACCOUNT_ALREADY_CLOSED,
            ResultCode.ACCOUNT_HAS_PENDING_TRANSFERS);

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ledgerAgreesWithTheNaiveModelAfterEveryCommand(long seed) {
        Random random = new Random(seed);
        Map<ResultCode, Integer> seen = new EnumMap<>(ResultCode.class);
        for (int episode = 0; episode < EPISODES; episode++) {
            Episode run = new Episode(random, seen);
            for (int op = 0; op < OPERATIONS; op++) {
                String description = "?";
                try {
                    description = run.step();
                    run.compare();
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(
                            "ledger simulation failed: seed " + seed + ", episode " + episode + ", command " + op + " ("
                                    + description + "); replay with -Dledger.sim.seed=" + seed,
                            e);
                }
            }
        }
        System.out.println("ledger simulation seed " + seed + ": " + seen);
        assertThat(seen.keySet()).as("codes reached with seed %d", seed).containsAll(MUST_OCCUR);
    }

    /** One fresh ledger, its model and the ids the generator can refer back to. */
    private static final class Episode {
        private final Random random;
        private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        private final LedgerEngine ledger = Ledger.inMemory(clock);
        private final NaiveLedgerModel model = new NaiveLedgerModel();
        private final List<UUID> accounts = new ArrayList<>();
        private final Map<UUID, Asset> assetOf = new HashMap<>();
        private final List<NewAccount> accountRequests = new ArrayList<>();
        private final List<UUID> transfers = new ArrayList<>();
        private final Map<UUID, Long> pendings = new HashMap<>();
        private final List<TransferRequest> sent = new ArrayList<>();
        private final Map<ResultCode, Integer> seen;
        private long nextId = 1;

        Episode(Random random, Map<ResultCode, Integer> seen) {
            this.random = random;
            this.seen = seen;
            int count = 4 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                createAccount(validAccount());
            }
        }

        /** Runs one random command against both and checks their answers agree; returns a description. */
        String step() {
            int dice = random.nextInt(100);
            if (dice < 3) {
                return createAccount(randomAccount());
            } else if (dice < 4) {
                UUID id = pick(accounts);
                ResultCode expected = model.close(id, clock.instant());
                ResultCode actual = ledger.closeAccount(id);
                assertThat(actual).isEqualTo(expected);
                seen.merge(actual, 1, Integer::sum);
                return "close " + id;
            } else if (dice < 8) {
                clock.advance(Duration.ofMinutes(1 + random.nextInt(90)));
                if (random.nextBoolean()) {
                    assertThat(ledger.expirePending()).isEqualTo(model.expire(clock.instant()));
                }
                return "clock " + clock.instant();
            } else if (dice < 60) {
                return submit(List.of(random.nextInt(4) == 0 ? funding() : randomRequest()));
            } else if (dice < 82) {
                return submit(linkedChain());
            } else {
                List<TransferRequest> batch = new ArrayList<>();
                for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
                    batch.add(randomRequest().unlinked());
                }
                return submit(batch);
            }
        }

        private String submit(List<TransferRequest> batch) {
            List<ResultCode> expected = model.submit(batch, clock.instant());
            List<ResultCode> actual =
                    ledger.submit(batch).stream().map(LedgerResult::code).toList();
            assertThat(actual).as("answers to %s", batch).isEqualTo(expected);
            for (int i = 0; i < batch.size(); i++) {
                TransferRequest r = batch.get(i);
                sent.add(r);
                seen.merge(actual.get(i), 1, Integer::sum);
                if (actual.get(i) == ResultCode.OK) {
                    transfers.add(r.id());
                    if (r.has(TransferFlag.PENDING)) {
                        pendings.put(r.id(), r.amount());
                    }
                }
            }
            return "submit " + actual;
        }

        private List<TransferRequest> linkedChain() {
            List<TransferRequest> chain = new ArrayList<>();
            int n = 2 + random.nextInt(4);
            int broken = random.nextInt(3) == 0 ? random.nextInt(n) : -1;
            for (int i = 0; i < n; i++) {
                TransferRequest r = i == broken ? malformed() : random.nextInt(3) > 0 ? funding() : randomRequest();
                boolean last = i == n - 1;
                // Now and then the batch ends inside the chain.
                chain.add(!last || random.nextInt(30) == 0 ? r.linked() : r.unlinked());
            }
            return chain;
        }

        private TransferRequest randomRequest() {
            int dice = random.nextInt(100);
            if (dice < 35) {
                UUID debit = pickAccountOrUnknown();
                UUID credit = counterparty(debit);
                return TransferRequest.transfer(freshId(), debit, credit, amount(), assetFor(debit), "sim.move")
                        .withReferences(
                                random.nextInt(5) == 0 ? Map.of("contract", "C" + random.nextInt(9)) : Map.of());
            } else if (dice < 50) {
                UUID debit = pickAccountOrUnknown();
                Duration timeout = random.nextBoolean() ? Duration.ofMinutes(1 + random.nextInt(120)) : null;
                return TransferRequest.pending(
                        freshId(), debit, counterparty(debit), amount(), assetFor(debit), "sim.hold", timeout);
            } else if (dice < 62) {
                UUID pending = pendingOrUnknown();
                long held = pendings.getOrDefault(pending, 10L);
                long amount =
                        random.nextInt(3) == 0 ? 0 : 1 + (long) random.nextInt((int) Math.min(held + 2, 1_000_000));
                return TransferRequest.post(freshId(), pending, amount);
            } else if (dice < 70) {
                return TransferRequest.voidPending(freshId(), pendingOrUnknown());
            } else if (dice < 78) {
                UUID original = transfers.isEmpty() || random.nextInt(10) == 0 ? freshId() : pick(transfers);
                return TransferRequest.reversal(freshId(), original);
            } else if (dice < 88) {
                return malformed();
            } else if (sent.isEmpty()) {
                return TransferRequest.voidPending(freshId(), freshId());
            } else {
                TransferRequest old = pick(sent).unlinked();
                return random.nextInt(4) == 0 ? withAmount(old, old.amount() + 1) : old;
            }
        }

        /**
         * A movement out of an account without limits into another account of the same asset, small enough
         * to rarely fail: keeps chains succeeding often enough to test their commits, not only rollbacks.
         */
        private TransferRequest funding() {
            List<UUID> sources = accounts.stream()
                    .filter(a -> ledger.account(a).orElseThrow().flags().isEmpty())
                    .toList();
            if (sources.isEmpty()) {
                return randomRequest();
            }
            UUID source = pick(sources);
            UUID target = counterparty(source);
            long amount = 1 + random.nextInt(5_000);
            return random.nextInt(4) == 0
                    ? TransferRequest.pending(freshId(), source, target, amount, assetOf.get(source), "sim.hold", null)
                    : TransferRequest.transfer(freshId(), source, target, amount, assetOf.get(source), "sim.fund");
        }

        /** A request with exactly one defect that the request checks must catch. */
        private TransferRequest malformed() {
            UUID a = pick(accounts);
            UUID b = pick(accounts);
            Asset asset = assetOf.get(a);
            TransferRequest ok = TransferRequest.transfer(freshId(), a, b, 1 + random.nextInt(50), asset, "sim.move");
            return switch (random.nextInt(15)) {
                case 0 -> TransferRequest.transfer(new UUID(0, 0), a, b, 5, asset, "sim.move");
                case 1 -> withAmount(ok, 0);
                case 2 -> withAmount(ok, -1 - random.nextInt(100));
                case 3 -> TransferRequest.transfer(freshId(), a, a, 5, asset, "sim.move");
                case 4 -> TransferRequest.transfer(freshId(), a, b, 5, asset, "Not A Code");
                case 5 -> TransferRequest.transfer(freshId(), null, b, 5, asset, "sim.move");
                case 6 -> TransferRequest.transfer(freshId(), a, b, 5, null, "sim.move");
                case 7 -> TransferRequest.pending(freshId(), a, b, 5, asset, "sim.hold", Duration.ofSeconds(-1));
                case 8 -> TransferRequest.post(freshId(), null, 0);
                case 9 -> ok.withReferences(Map.of("Bad Key", "x"));
                case 12 -> TransferRequest.transfer(freshId(), a, null, 5, asset, "sim.move");
                case 13 ->
                    new TransferRequest(
                            ok.id(), a, b, 5, asset, "sim.move", null, null, pendingOrUnknown(), null, null);
                case 14 ->
                    new TransferRequest(
                            ok.id(),
                            null,
                            null,
                            0,
                            null,
                            null,
                            null,
                            Set.of(TransferFlag.VOID_PENDING),
                            pendingOrUnknown(),
                            pendingOrUnknown(),
                            null);
                case 10 ->
                    new TransferRequest(
                            ok.id(),
                            a,
                            b,
                            5,
                            asset,
                            "sim.move",
                            null,
                            EnumSet.of(TransferFlag.PENDING, TransferFlag.POST_PENDING),
                            pendingOrUnknown(),
                            null,
                            null);
                default ->
                    new TransferRequest(
                            ok.id(), a, b, 5, asset, "sim.move", null, null, null, null, Duration.ofMinutes(5));
            };
        }

        private String createAccount(NewAccount request) {
            ResultCode expected = model.createAccount(request);
            ResultCode actual = ledger.createAccounts(List.of(request)).get(0).code();
            assertThat(actual).as("open %s", request).isEqualTo(expected);
            seen.merge(actual, 1, Integer::sum);
            if (actual == ResultCode.OK) {
                accounts.add(request.id());
                assetOf.put(request.id(), request.asset());
            }
            accountRequests.add(request);
            return "open " + actual;
        }

        private NewAccount validAccount() {
            Set<AccountFlag> flags =
                    switch (random.nextInt(5)) {
                        case 0, 1 -> Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
                        case 2 -> Set.of(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS);
                        default -> Set.of();
                    };
            return new NewAccount(
                    freshId(), ASSETS[random.nextInt(2)], "party-" + random.nextInt(5), "sim.account", flags);
        }

        private NewAccount randomAccount() {
            NewAccount valid = validAccount();
            return switch (random.nextInt(8)) {
                case 0 -> new NewAccount(valid.id(), valid.asset(), " ", valid.purpose(), valid.flags());
                case 1 -> new NewAccount(valid.id(), valid.asset(), valid.owner(), "Sim Account", valid.flags());
                case 2 ->
                    new NewAccount(
                            valid.id(), valid.asset(), valid.owner(), valid.purpose(), Set.of(AccountFlag.CLOSED));
                case 3 ->
                    new NewAccount(
                            valid.id(),
                            valid.asset(),
                            valid.owner(),
                            valid.purpose(),
                            Set.of(
                                    AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS,
                                    AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS));
                case 4 -> pick(accountRequests);
                case 5 -> {
                    NewAccount old = pick(accountRequests);
                    yield new NewAccount(old.id(), old.asset(), old.owner() + "x", old.purpose(), old.flags());
                }
                default -> valid;
            };
        }

        /** Mostly small, sometimes zero-free large, now and then close to the 64-bit limit. */
        private long amount() {
            int dice = random.nextInt(100);
            if (dice < 75) {
                return 1 + random.nextInt(500);
            } else if (dice < 95) {
                return 1 + random.nextInt(20_000);
            }
            return Long.MAX_VALUE - random.nextInt(1_000) - (random.nextBoolean() ? Long.MAX_VALUE / 2 : 0);
        }

        private Asset assetFor(UUID account) {
            Asset asset = assetOf.getOrDefault(account, Asset.CNY);
            return random.nextInt(25) == 0 ? ASSETS[random.nextInt(2)] : asset;
        }

        /** Mostly another account of the same asset, sometimes any account or an unknown id. */
        private UUID counterparty(UUID debit) {
            Asset asset = assetOf.get(debit);
            if (asset == null || random.nextInt(10) == 0) {
                return pickAccountOrUnknown();
            }
            List<UUID> same = accounts.stream()
                    .filter(a -> !a.equals(debit) && assetOf.get(a).equals(asset))
                    .toList();
            return same.isEmpty() ? pickAccountOrUnknown() : pick(same);
        }

        private UUID pickAccountOrUnknown() {
            return random.nextInt(30) == 0 ? freshId() : pick(accounts);
        }

        private UUID pendingOrUnknown() {
            if (pendings.isEmpty() || random.nextInt(12) == 0) {
                return random.nextBoolean() || transfers.isEmpty() ? freshId() : pick(transfers);
            }
            return pick(new ArrayList<>(pendings.keySet()));
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        private UUID freshId() {
            return new UUID(0x51A1L, nextId++);
        }

        private static TransferRequest withAmount(TransferRequest r, long amount) {
            return new TransferRequest(
                    r.id(),
                    r.debitAccountId(),
                    r.creditAccountId(),
                    amount,
                    r.asset(),
                    r.code(),
                    r.references(),
                    r.flags(),
                    r.pendingId(),
                    r.reverses(),
                    r.timeout());
        }

        /** Every account, balance and pending status agrees with the model; the invariants hold. */
        void compare() {
            assertThat(ledger.state().accounts().count()).isEqualTo(model.accounts.size());
            model.accounts.forEach((id, expected) -> {
                Account actual = ledger.account(id).orElseThrow();
                assertThat(new long[] {
                            actual.debitsPending(),
                            actual.debitsPosted(),
                            actual.creditsPending(),
                            actual.creditsPosted()
                        })
                        .as("balances of %s", id)
                        .containsExactly(expected.dPend(), expected.dPost(), expected.cPend(), expected.cPost());
                assertThat(actual.isClosed()).as("closed %s", id).isEqualTo(expected.closed());
            });
            model.statuses.forEach((id, status) ->
                    assertThat(ledger.pendingStatus(id)).as("status of %s", id).contains(status));
            assertThat(LedgerInvariants.check(ledger.state())).isEmpty();
        }
    }
}
