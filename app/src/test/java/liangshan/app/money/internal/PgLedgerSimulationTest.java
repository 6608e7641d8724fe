package liangshan.app.money.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import liangshan.app.support.IntegrationTest;
import liangshan.ledger.Account;
import liangshan.ledger.Asset;
import liangshan.ledger.InMemoryLedgerState;
import liangshan.ledger.Ledger;
import liangshan.ledger.LedgerEngine;
import liangshan.ledger.LedgerInvariants;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.NewAccount;
import liangshan.ledger.PendingStatus;
import liangshan.ledger.ResultCode;
import liangshan.ledger.Transfer;
import liangshan.ledger.TransferRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The seeded simulation against PostgreSQL: random commands go to {@link PgLedger} and to the in-memory
 * ledger (the model); after every command their answers, every balance, every applied transfer and every
 * pending status of the episode's accounts must agree, and {@link LedgerInvariants} must find nothing in
 * the stored rows. {@value #DEFAULT_OPS} commands by default ({@code -Dmoney.sim.ops=N}); the seed is
 * printed on failure and replayed with {@code -Dmoney.sim.seed=N}.
 */
@IntegrationTest
class PgLedgerSimulationTest {

    static final int DEFAULT_OPS = 5000;
    static final int EPISODE = 250;
    private static final Asset[] ASSETS = {Asset.CNY, Asset.ECO_CREDIT};

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void postgresAgreesWithTheInMemoryLedgerAfterEveryCommand() {
        long seed = Long.getLong("money.sim.seed", System.nanoTime());
        int ops = Integer.getInteger("money.sim.ops", DEFAULT_OPS);
        Random random = new Random(seed);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        PgLedger pg = new PgLedger(jdbc, transactions, clock);
        Map<ResultCode, Integer> seen = new EnumMap<>(ResultCode.class);
        Episode episode = null;
        for (int op = 0; op < ops; op++) {
            if (op % EPISODE == 0) {
                episode = new Episode(random, clock, pg, seen);
            }
            String description = "?";
            try {
                description = episode.step();
                episode.compare();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "PG ledger simulation failed: seed " + seed + ", command " + op + " (" + description
                                + "); replay with -Dmoney.sim.seed=" + seed + " -Dmoney.sim.ops=" + ops,
                        e);
            }
        }
        System.out.println("PG ledger simulation seed " + seed + ", " + ops + " commands: " + seen);
        if (ops >= DEFAULT_OPS) {
            assertThat(seen.keySet())
                    .as("codes reached with seed %d", seed)
                    .contains(
                            ResultCode.OK,
                            ResultCode.EXISTS,
                            ResultCode.EXISTS_WITH_DIFFERENT_FIELDS,
                            ResultCode.LINKED_EVENT_FAILED,
                            ResultCode.EXCEEDS_CREDITS,
                            ResultCode.ASSETS_MUST_MATCH,
                            ResultCode.PENDING_ALREADY_POSTED,
                            ResultCode.PENDING_EXPIRED,
                            ResultCode.ALREADY_REVERSED,
                            ResultCode.ACCOUNT_CLOSED);
        }
    }

    /** Fresh accounts, the model ledger and the ids the generator can refer back to. */
    private static final class Episode {
        private final Random random;
        private final MutableClock clock;
        private final PgLedger pg;
        private final LedgerEngine model;
        private final Map<ResultCode, Integer> seen;
        private final List<UUID> accounts = new ArrayList<>();
        private final List<UUID> transfers = new ArrayList<>();
        private final List<UUID> pendings = new ArrayList<>();
        private final List<TransferRequest> sent = new ArrayList<>();

        Episode(Random random, MutableClock clock, PgLedger pg, Map<ResultCode, Integer> seen) {
            this.random = random;
            this.clock = clock;
            this.pg = pg;
            this.model = Ledger.inMemory(clock);
            this.seen = seen;
            for (int i = 0; i < 6 + random.nextInt(6); i++) {
                createAccount();
            }
        }

        String step() {
            int dice = random.nextInt(100);
            if (dice < 3) {
                return createAccount();
            } else if (dice < 4) {
                UUID id = pick(accounts);
                ResultCode expected = model.closeAccount(id);
                assertThat(pg.closeAccount(id)).isEqualTo(expected);
                count(expected);
                return "close " + id;
            } else if (dice < 9) {
                clock.advance(Duration.ofMinutes(1 + random.nextInt(90)));
                if (random.nextBoolean()) {
                    int expired = model.expirePending();
                    assertThat(pg.expirePending()).isGreaterThanOrEqualTo(expired);
                }
                return "clock " + clock.instant();
            } else if (dice < 20 && !sent.isEmpty()) {
                TransferRequest old = pick(sent);
                TransferRequest retry = random.nextBoolean()
                        ? old
                        : TransferRequest.transfer(
                                old.id(),
                                pick(accounts),
                                pick(accounts),
                                1 + random.nextInt(50),
                                pick(ASSETS),
                                "sim.retry");
                return submit(List.of(retry));
            } else if (dice < 35) {
                int legs = 2 + random.nextInt(3);
                List<TransferRequest> chain = new ArrayList<>();
                for (int i = 0; i < legs; i++) {
                    TransferRequest leg = randomRequest();
                    chain.add(i < legs - 1 || random.nextInt(10) == 0 ? leg.linked() : leg);
                }
                return submit(chain);
            }
            return submit(List.of(dice < 50 ? funding() : randomRequest()));
        }

        private String createAccount() {
            UUID id = UUID.randomUUID();
            Asset asset = pick(ASSETS);
            NewAccount request = random.nextInt(4) == 0
                    ? NewAccount.unlimited(id, asset, "sim-source", "sim.source")
                    : NewAccount.noOverdraft(id, asset, "sim-owner-" + random.nextInt(5), "sim.cash");
            List<LedgerResult> expected = model.createAccounts(List.of(request));
            assertThat(pg.createAccounts(List.of(request))).isEqualTo(expected);
            accounts.add(id);
            return "account " + id;
        }

        private TransferRequest funding() {
            List<UUID> sources = accounts.stream()
                    .filter(id -> model.account(id).orElseThrow().flags().isEmpty())
                    .toList();
            UUID debit = sources.isEmpty() ? pick(accounts) : pick(sources);
            Account a = model.account(debit).orElseThrow();
            return TransferRequest.transfer(
                    UUID.randomUUID(), debit, partner(a), 1 + random.nextInt(10_000), a.asset(), "sim.fund");
        }

        private TransferRequest randomRequest() {
            UUID id = UUID.randomUUID();
            int kind = random.nextInt(10);
            if (kind < 3 && !pendings.isEmpty()) {
                UUID pending = pick(pendings);
                return random.nextBoolean()
                        ? TransferRequest.post(id, pending, random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(3000))
                        : TransferRequest.voidPending(id, pending);
            }
            if (kind < 4 && !transfers.isEmpty()) {
                return TransferRequest.reversal(id, pick(transfers));
            }
            UUID debit = pick(accounts);
            UUID credit = partner(model.account(debit).orElseThrow());
            Asset asset = random.nextInt(12) == 0
                    ? pick(ASSETS)
                    : model.account(debit).orElseThrow().asset();
            long amount = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(4000);
            if (kind < 7) {
                Duration timeout = random.nextBoolean() ? null : Duration.ofMinutes(1 + random.nextInt(120));
                return TransferRequest.pending(id, debit, credit, amount, asset, "sim.hold", timeout);
            }
            return TransferRequest.transfer(id, debit, credit, amount, asset, "sim.pay");
        }

        private String submit(List<TransferRequest> requests) {
            List<LedgerResult> expected = model.submit(requests);
            List<LedgerResult> actual = pg.submit(requests);
            assertThat(actual).as("results of %s", requests).isEqualTo(expected);
            for (int i = 0; i < requests.size(); i++) {
                TransferRequest r = requests.get(i);
                count(expected.get(i).code());
                sent.add(r);
                if (expected.get(i).code() == ResultCode.OK) {
                    transfers.add(r.id());
                    if (r.has(liangshan.ledger.TransferFlag.PENDING)) {
                        pendings.add(r.id());
                    }
                }
            }
            return requests.stream().map(TransferRequest::toString).collect(Collectors.joining("; "));
        }

        /** Stored rows of the episode's accounts equal the model's, and break no invariant. */
        void compare() {
            InMemoryLedgerState stored = pg.snapshotOf(accounts);
            LedgerEngine modelEngine = model;
            List<Account> expectedAccounts = accounts.stream()
                    .map(id -> modelEngine.account(id).orElseThrow())
                    .toList();
            assertThat(stored.accounts().toList()).containsExactlyInAnyOrderElementsOf(expectedAccounts);
            Set<UUID> mine = new HashSet<>(accounts);
            List<Transfer> expectedTransfers = model.state()
                    .transfers()
                    .filter(t -> mine.contains(t.debitAccountId()))
                    .toList();
            assertThat(stored.transfers().toList()).containsExactlyElementsOf(expectedTransfers);
            for (UUID pending : pendings) {
                PendingStatus status = model.pendingStatus(pending).orElseThrow();
                assertThat(stored.pendingStatus(pending))
                        .as("status of %s", pending)
                        .contains(status);
            }
            assertThat(LedgerInvariants.check(stored)).isEmpty();
        }

        /** Mostly another account of the same asset, sometimes any account (to reach ASSETS_MUST_MATCH). */
        private UUID partner(Account a) {
            List<UUID> same = accounts.stream()
                    .filter(id -> !id.equals(a.id())
                            && model.account(id).orElseThrow().asset().equals(a.asset()))
                    .toList();
            return same.isEmpty() || random.nextInt(10) == 0 ? pick(accounts) : pick(same);
        }

        private void count(ResultCode code) {
            seen.merge(code, 1, Integer::sum);
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        private <T> T pick(T[] array) {
            return array[random.nextInt(array.length)];
        }
    }

    /** A clock the simulation moves forward by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
