package liangshan.ledger.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import liangshan.kernel.money.Money;
import liangshan.ledger.Asset;
import liangshan.ledger.Ledger;
import liangshan.ledger.LedgerEngine;
import liangshan.ledger.LedgerInvariants;
import liangshan.ledger.NewAccount;
import liangshan.ledger.TransferRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded simulation (TigerBeetle VOPR style) of the credit registry over an in-memory ledger: random
 * project, batch, verification, release, list, buy, buy-and-retire, transfer, obligation, retire, pool, cancel
 * and retry
 * commands, each predicted by {@link CreditAuditor} and checked after EVERY command: the code, every
 * party's credits in the registry, the auditor and the ledger, every party's money, the totals per state,
 * the obligations, and {@link CreditInvariants}. A failure names its seed; replay with {@code
 * -Dcredits.sim.seed=N}.
 */
class CreditSimulationTest {

    static final int EPISODES = 500;
    static final int OPERATIONS = 200;

    static LongStream seeds() {
        String replay = System.getProperty("credits.sim.seed");
        return replay != null ? LongStream.of(Long.parseLong(replay)) : LongStream.of(20_261_129L);
    }

    /** Codes the seed must have produced, or the generator has stopped reaching part of the registry. */
    private static final Set<CreditCode> MUST_OCCUR = EnumSet.of(
            CreditCode.OK,
            CreditCode.REQUEST_ID_REUSED,
            CreditCode.LAND_OVERLAP,
            CreditCode.GOVERNMENT_PROJECT_OWNER_NOT_POOL,
            CreditCode.MILESTONES_INVALID,
            CreditCode.VERIFICATION_MISSING,
            CreditCode.MAKER_CHECKER_SAME_PERSON,
            CreditCode.NOTHING_TO_RELEASE,
            CreditCode.INSUFFICIENT_CREDITS,
            CreditCode.SAME_PARTY,
            CreditCode.LISTING_CLOSED,
            CreditCode.EXCEEDS_LISTING,
            CreditCode.OBLIGATION_ALREADY_ACQUITTED,
            CreditCode.EXCEEDS_OBLIGATION,
            CreditCode.PENDING_NOT_RETIRABLE,
            CreditCode.CREDITS_DO_NOT_MATCH,
            CreditCode.NOTHING_TO_SETTLE,
            CreditCode.STATE_NOT_CANCELLABLE,
            CreditCode.LEDGER_REJECTED,
            CreditCode.EXCEEDS_BID,
            CreditCode.BID_CLOSED,
            CreditCode.NOT_BID_BUYER);

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void registryAgreesWithTheAuditorAndTheLedgerAfterEveryCommand(long seed) {
        long cpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Random random = new Random(seed);
        Map<CreditCode, Integer> seen = new EnumMap<>(CreditCode.class);
        Map<String, Integer> okKinds = new java.util.TreeMap<>();
        for (int episode = 0; episode < EPISODES; episode++) {
            Episode run = new Episode(random, seen, okKinds);
            for (int op = 0; op < OPERATIONS; op++) {
                try {
                    run.step();
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(
                            "seed " + seed + " episode " + episode + " op " + op + " (replay with -Dcredits.sim.seed="
                                    + seed + "): " + e.getMessage(),
                            e);
                }
            }
            assertThat(run.registry.state().history.verify())
                    .as("seed %d", seed)
                    .isEqualTo(-1);
            assertThat(LedgerInvariants.check(run.ledger.state()))
                    .as("seed %d", seed)
                    .isEmpty();
        }
        assertThat(seen.keySet()).as("seed %d codes %s", seed, seen).containsAll(MUST_OCCUR);
        assertThat(okKinds).as("seed %d commands applied", seed).containsKeys("Buy", "BuyAndRetire", "Retire");
        long cpuMillis =
                (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart)
                        / 1_000_000;
        System.out.printf(
                "credits simulation seed %d: %d commands, %d ms CPU, codes %s, applied %s%n",
                seed, EPISODES * OPERATIONS, cpuMillis, seen, okKinds);
    }

    private static final class Episode {
        private static final String[] PARTIES = {"v1", "v2", "e1", "v3", "poolA", "poolB"};
        private static final String[] SERVICES = {null, "water", "soil"};
        private static final String[] PEOPLE = {"li", "wang", "zhao"};

        private final Random r;
        private final Map<CreditCode, Integer> seen;
        private final Map<String, Integer> okKinds;
        private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
        final LedgerEngine ledger = Ledger.inMemory(clock);
        final CreditRegistry registry =
                new CreditRegistry("sim", ledger, clock, List.of(CreditFixture.P1, CreditFixture.P2));
        private final CreditAuditor a = new CreditAuditor();
        private final AuditorRules rules = new AuditorRules(a);
        private final UUID bank = UUID.randomUUID();
        private final List<CreditCommand> sent = new ArrayList<>();
        private final List<CreditOutcome> answers = new ArrayList<>();
        private int next;

        Episode(Random random, Map<CreditCode, Integer> seen, Map<String, Integer> okKinds) {
            this.r = random;
            this.seen = seen;
            this.okKinds = okKinds;
            ledger.createAccounts(List.of(NewAccount.unlimited(bank, Asset.CNY, "bank", "bank.settlement")));
            for (String p : PARTIES) {
                String county = p.equals("v1") || p.equals("v2") || p.equals("poolA") ? "A" : "B";
                boolean pool = p.startsWith("pool");
                UUID cash = cash(p);
                ledger.createAccounts(List.of(NewAccount.noOverdraft(cash, Asset.CNY, p, "party.cash")));
                CreditParty party =
                        CreditParty.single(p, county, pool ? ProjectKind.GOVERNMENT : ProjectKind.VILLAGE, cash);
                check(registry.execute(new CreditCommand.OpenAccount(UUID.randomUUID(), party))
                                .code()
                        == CreditCode.OK);
                a.parties.put(p, new CreditAuditor.Party(p, county, pool));
                if (pool) {
                    long price = 500 + r.nextInt(2000);
                    check(registry.execute(new CreditCommand.ConfigurePool(
                                    UUID.randomUUID(), new CountyPool(county, p, price, cash)))
                            .isSuccess());
                    a.poolOfCounty.put(county, p);
                    a.poolPrice.put(county, price);
                }
            }
        }

        private static void check(boolean condition) {
            if (!condition) {
                throw new AssertionError("episode setup failed");
            }
        }

        private static UUID cash(String party) {
            return UUID.nameUUIDFromBytes(("cash:" + party).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        private String party() {
            return PARTIES[r.nextInt(PARTIES.length)];
        }

        private <T> T pick(List<T> list) {
            return list.get(r.nextInt(list.size()));
        }

        private long units(long around) {
            return around <= 0 ? 1 + r.nextInt(50) : 1 + (long) (r.nextDouble() * around * 1.1);
        }

        void step() {
            int dice = r.nextInt(100);
            if (dice < 6 && !sent.isEmpty()) {
                retry();
            } else if (dice < 7 && !sent.isEmpty()) {
                reuse();
            } else if (dice < 10) {
                long fen = 1 + r.nextInt(200_000);
                String p = party();
                assertThat(ledger.submit(TransferRequest.transfer(
                                        UUID.randomUUID(), bank, cash(p), fen, Asset.CNY, "bank.deposit"))
                                .isSuccess())
                        .isTrue();
                a.parties.get(p).cash += fen;
            } else {
                CreditCommand c = CommandGenerator.generate(this, dice);
                CreditCode expected = rules.apply(c);
                CreditOutcome outcome = registry.execute(c);
                seen.merge(outcome.code(), 1, Integer::sum);
                if (outcome.isSuccess()) {
                    okKinds.merge(c.getClass().getSimpleName(), 1, Integer::sum);
                }
                assertThat(outcome.code()).as("%s", c).isEqualTo(expected);
                sent.add(c);
                answers.add(outcome);
            }
            compare();
        }

        private void retry() {
            int i = r.nextInt(sent.size());
            CreditOutcome again = registry.execute(sent.get(i));
            assertThat(again.replay()).isTrue();
            assertThat(again.code()).isEqualTo(answers.get(i).code());
            assertThat(again.ledgerLegs()).isEqualTo(answers.get(i).ledgerLegs());
        }

        private void reuse() {
            CreditCommand earlier = pick(sent);
            CreditCommand other = new CreditCommand.Delist(earlier.requestId(), "reused-" + next++, "v1");
            CreditOutcome outcome = registry.execute(other);
            seen.merge(outcome.code(), 1, Integer::sum);
            assertThat(outcome.code()).isEqualTo(CreditCode.REQUEST_ID_REUSED);
        }

        private void compare() {
            CreditAccounts acc = registry.accounts();
            Map<String, Long> issuedBy = new java.util.HashMap<>();
            Map<String, Long> pendingBy = new java.util.HashMap<>();
            Map<BlockState, Long> byState = new EnumMap<>(BlockState.class);
            for (SerialBlock b : registry.state().blocks.values()) {
                byState.merge(b.state(), b.count(), Long::sum);
                if (b.state() == BlockState.ISSUED) {
                    issuedBy.merge(b.holder(), b.count(), Long::sum);
                } else if (b.state() == BlockState.PENDING) {
                    pendingBy.merge(b.holder(), b.count(), Long::sum);
                }
            }
            for (String p : PARTIES) {
                CreditAuditor.Party model = a.parties.get(p);
                long issued = CreditAuditor.sum(model.issued);
                assertThat(issuedBy.getOrDefault(p, 0L)).as("issued of %s", p).isEqualTo(issued);
                assertThat(ledger.account(acc.holding(p)).orElseThrow().creditBalancePosted())
                        .as("ledger holding of %s", p)
                        .isEqualTo(issued);
                long pending = 0;
                for (CreditAuditor.Batch b : a.batches) {
                    pending += b.owner.equals(p) ? b.pending() : 0;
                }
                assertThat(pendingBy.getOrDefault(p, 0L)).as("pending of %s", p).isEqualTo(pending);
                assertThat(ledger.account(cash(p)).orElseThrow().creditBalancePosted())
                        .as("cash of %s", p)
                        .isEqualTo(model.cash);
            }
            long buffer = 0;
            long cancelled = 0;
            for (CreditAuditor.Batch b : a.batches) {
                buffer += b.buffer;
                cancelled += b.cancelled;
            }
            long listed = 0;
            for (CreditAuditor.Listing l : a.listings.values()) {
                listed += l.remaining();
            }
            assertThat(byState.getOrDefault(BlockState.BUFFER, 0L)).as("buffer").isEqualTo(buffer);
            assertThat(byState.getOrDefault(BlockState.CANCELLED, 0L))
                    .as("cancelled")
                    .isEqualTo(cancelled);
            assertThat(byState.getOrDefault(BlockState.RETIRED, 0L))
                    .as("retired")
                    .isEqualTo(a.retiredTotal);
            assertThat(byState.getOrDefault(BlockState.LISTED, 0L)).as("listed").isEqualTo(listed);
            a.obligations.forEach(
                    (id, o) -> assertThat(registry.obligation(id).orElseThrow().retiredUnits())
                            .as("obligation %s", id)
                            .isEqualTo(o.retired));
            int size = registry.state().history.entries().size();
            assertThat(CreditInvariants.check(registry, Math.max(0, size - 1))).isEmpty();
        }

        /** Random commands, mostly plausible so that the registry reaches deep states. */
        private static final class CommandGenerator {
            static CreditCommand generate(Episode e, int dice) {
                Random r = e.r;
                CreditAuditor a = e.a;
                UUID id = UUID.randomUUID();
                if (dice < 17 || a.projects.isEmpty()) {
                    String owner = e.party();
                    boolean pool = a.parties.get(owner).pool;
                    ProjectKind kind = pool || r.nextInt(20) == 0 ? ProjectKind.GOVERNMENT : ProjectKind.VILLAGE;
                    return new CreditCommand.RegisterProject(
                            id,
                            new CreditProject(
                                    "proj-" + e.next++,
                                    kind,
                                    a.parties.get(owner).county,
                                    owner,
                                    "fp",
                                    new LandClaim(
                                            Set.of("parcel-" + r.nextInt(60)), CreditFixture.FROM, CreditFixture.TO),
                                    SERVICES[r.nextInt(3)],
                                    "p1",
                                    false));
                }
                if (dice < 25 || a.batches.isEmpty()) {
                    long estimate = 1 + r.nextInt(5000);
                    List<Milestone> ms = new ArrayList<>();
                    long cap = 0;
                    int n = 1 + r.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        cap = i == n - 1 ? estimate : cap + 1 + r.nextInt((int) Math.max(1, estimate / n));
                        ms.add(new Milestone("m" + i, r.nextInt(30) == 0 ? cap + estimate : Math.min(cap, estimate)));
                    }
                    String project = r.nextInt(30) == 0 ? "nope" : e.pick(new ArrayList<>(a.projects.keySet()));
                    return new CreditCommand.CreateBatch(
                            id, "batch-" + e.next++, project, 2026, "p1", "prices.2025", estimate, ms);
                }
                CreditAuditor.Batch batch = e.pick(a.batches);
                List<String> codes = new ArrayList<>(new java.util.TreeSet<>(batch.caps.keySet()));
                if (dice < 34) {
                    return new CreditCommand.RecordVerification(
                            id,
                            "ver-" + e.next++,
                            batch.id,
                            e.pick(codes),
                            e.pick(List.of(PEOPLE)),
                            "report",
                            r.nextInt(8) != 0);
                }
                if (dice < 41) {
                    return new CreditCommand.ProposeRelease(
                            id, "prop-" + e.next++, batch.id, e.pick(codes), PEOPLE[r.nextInt(2)]);
                }
                if (dice < 48 && !a.proposals.isEmpty()) {
                    return new CreditCommand.ApproveRelease(
                            id, e.pick(new ArrayList<>(a.proposals.keySet())), e.pick(List.of(PEOPLE)));
                }
                return MarketGenerator.generate(e, dice, id);
            }
        }

        private static final class BidGenerator {
            static CreditCommand generate(Episode e, UUID id, String p, long held) {
                Random r = e.r;
                List<String> bids = new ArrayList<>(e.a.bids.keySet());
                int dice = r.nextInt(10);
                if (dice < 3 || bids.isEmpty()) {
                    return new CreditCommand.PlaceBid(
                            id, "bid-" + e.next++, p, 1 + r.nextInt(3000), r.nextInt(4000), cash(p), "p1");
                }
                String bid = e.pick(bids);
                if (dice < 9) {
                    long n = r.nextBoolean() ? e.units(held) : e.units(e.a.bids.get(bid).remaining);
                    return new CreditCommand.AcceptBid(id, bid, p, n);
                }
                String buyer = r.nextInt(5) == 0 ? p : e.a.bids.get(bid).buyer;
                return new CreditCommand.WithdrawBid(id, bid, buyer);
            }
        }

        private static final class MarketGenerator {
            static CreditCommand generate(Episode e, int dice, UUID id) {
                Random r = e.r;
                CreditAuditor a = e.a;
                String p = e.party();
                long held = CreditAuditor.sum(a.parties.get(p).issued);
                if (dice < 51) {
                    return BidGenerator.generate(e, id, p, held);
                }
                if (dice < 57) {
                    String to = r.nextInt(15) == 0 ? p : e.party();
                    return new CreditCommand.Transfer(id, p, to, e.units(held), r.nextInt(3000), "deal");
                }
                if (dice < 63) {
                    return new CreditCommand.ListCredits(
                            id, "list-" + e.next++, p, e.units(held / 2), r.nextInt(5000), "p1");
                }
                List<String> listings = new ArrayList<>(a.listings.keySet());
                if (dice < 65 && !listings.isEmpty()) {
                    String l = e.pick(listings);
                    String seller = r.nextInt(10) == 0 ? e.party() : a.listings.get(l).seller;
                    return new CreditCommand.Delist(id, l, seller);
                }
                if (dice < 71 && !listings.isEmpty()) {
                    String l = e.pick(listings);
                    return new CreditCommand.Buy(
                            id, l, p, e.units(a.listings.get(l).remaining()), cash(p));
                }
                List<String> obligations = new ArrayList<>(a.obligations.keySet());
                if (dice < 76 || obligations.isEmpty()) {
                    String county = r.nextBoolean() ? "A" : "B";
                    return new CreditCommand.RegisterObligation(
                            id,
                            "obl-" + e.next++,
                            "dev",
                            p,
                            county,
                            Money.ofFen(-(1 + r.nextInt(500))),
                            "p1",
                            "prices.2025",
                            SERVICES[r.nextInt(3)]);
                }
                String o = e.pick(obligations);
                long open = a.obligations.get(o).amount - a.obligations.get(o).retired;
                if (dice < 81 && !listings.isEmpty()) {
                    String l = e.pick(listings);
                    long remaining = a.listings.get(l).remaining();
                    long n = r.nextInt(3) == 0
                            ? Math.max(1, Math.min(open, remaining))
                            : e.units(Math.min(open, remaining));
                    String beneficiary = r.nextInt(30) == 0 ? " " : "dev";
                    return new CreditCommand.BuyAndRetire(id, l, p, n, cash(p), o, beneficiary, "market");
                }
                if (dice < 88) {
                    String beneficiary = r.nextInt(30) == 0 ? "" : "dev";
                    long n = r.nextInt(3) == 0 && held >= open ? open : e.units(Math.min(open, held));
                    return new CreditCommand.Retire(id, p, n, o, beneficiary, "offset");
                }
                if (dice < 92) {
                    return new CreditCommand.BuyFromPool(id, o, p, r.nextBoolean() ? open : e.units(open), cash(p));
                }
                if (dice < 94) {
                    return new CreditCommand.SettlePoolLiabilities(id, r.nextBoolean() ? "A" : "B");
                }
                CreditAuditor.Batch b = e.pick(a.batches);
                BlockState[] states = BlockState.values();
                BlockState from = r.nextInt(4) == 0 ? states[r.nextInt(states.length)] : BlockState.ISSUED;
                String holder = r.nextBoolean() ? b.owner : p;
                long around = from == BlockState.PENDING ? b.pending() : b.buffer;
                return new CreditCommand.Cancel(id, holder, b.id, from, e.units(Math.max(around, held) / 3), "fix");
            }
        }
    }
}
