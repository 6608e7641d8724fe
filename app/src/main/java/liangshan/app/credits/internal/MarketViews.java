package liangshan.app.credits.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.ledger.credits.Bid;
import liangshan.ledger.credits.BlockState;
import liangshan.ledger.credits.CreditRegistry;
import liangshan.ledger.credits.CreditUnits;
import liangshan.ledger.credits.IssuanceBatch;
import liangshan.ledger.credits.Listing;
import liangshan.ledger.credits.SerialBlock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Read side of the market page (交易市场): open listings with seller, projects and vintages of the escrowed
 * serials and the total price, bids, and the settled market trades per county from the register.
 *
 * <p>Market scope: the market is a county market (same-county matching by default), so a user sees the
 * listings and bids of every county its data scope lies in or covers — a village or county user its own
 * county, a city-wide user all six. Amounts as in docs/api/credits.md (credits 3 decimals, 元 2 decimals).
 */
@Service("creditsMarketViews")
class MarketViews {

    /** Listing filter of the market page; prices in 元 per credit as typed, bounds inclusive. */
    record ListingFilter(String county, Integer vintage, String kind, String minPrice, String maxPrice) {}

    /** A project whose serials a listing escrows. */
    record ProjectRef(String id, String name, String kind) {}

    private final RegistryHost host;
    private final JdbcTemplate jdbc;

    MarketViews(RegistryHost host, JdbcTemplate jdbc) {
        this.host = host;
        this.jdbc = jdbc;
    }

    /** True when the market of {@code county} is visible to the actor (its scope inside or above it). */
    static boolean inMarket(Actor actor, String county) {
        String scope = actor.scope().divisionCode();
        return county != null && (county.startsWith(scope) || scope.startsWith(county));
    }

    Page<Map<String, Object>> listings(Actor actor, ListingFilter f, PageRequest page) {
        CreditsAccess.requireSignedIn(actor);
        List<FieldProblem> problems = new ArrayList<>();
        long min = f.minPrice() == null || f.minPrice().isBlank()
                ? 0
                : Amounts.fen(f.minPrice(), "minPrice", "credits.bad-price", problems);
        long max = f.maxPrice() == null || f.maxPrice().isBlank()
                ? Long.MAX_VALUE
                : Amounts.fen(f.maxPrice(), "maxPrice", "credits.bad-price", problems);
        if (f.kind() != null
                && !f.kind().isBlank()
                && !List.of("government", "village", "enterprise").contains(f.kind())) {
            problems.add(new FieldProblem("kind", "credits.bad-kind", null, null));
        }
        Amounts.check(problems, "credits.invalid");
        Map<String, ProjectRef> projects = projects();
        Map<String, String> names = partyNames();
        List<Map<String, Object>> rows = host.read(r -> {
            Map<String, List<IssuanceBatch>> batches = listedBatches(r);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Listing l : r.listings()) {
                String county = host.countyOf(l.seller());
                if (!l.open()
                        || !inMarket(actor, county)
                        || (f.county() != null
                                && !f.county().isBlank()
                                && !f.county().equals(county))
                        || l.priceFenPerCredit() < min
                        || l.priceFenPerCredit() > max) {
                    continue;
                }
                List<IssuanceBatch> of = batches.getOrDefault(l.id(), List.of());
                Set<Integer> vintages = new TreeSet<>();
                Map<String, ProjectRef> refs = new LinkedHashMap<>();
                for (IssuanceBatch b : of) {
                    vintages.add(b.vintage());
                    refs.put(
                            b.projectId(),
                            projects.getOrDefault(b.projectId(), new ProjectRef(b.projectId(), b.projectId(), null)));
                }
                if ((f.vintage() != null && !vintages.contains(f.vintage()))
                        || (f.kind() != null
                                && !f.kind().isBlank()
                                && refs.values().stream()
                                        .noneMatch(p -> f.kind().equals(p.kind())))) {
                    continue;
                }
                out.add(listingRow(l, county, names, vintages, refs.values()));
            }
            return out;
        });
        rows.sort(Comparator.comparing((Map<String, Object> m) -> (Long) m.get("priceFen"))
                .thenComparing(m -> (String) m.get("id")));
        rows.forEach(m -> m.remove("priceFen"));
        return slice(rows, page);
    }

    private static Map<String, Object> listingRow(
            Listing l,
            String county,
            Map<String, String> names,
            Set<Integer> vintages,
            java.util.Collection<ProjectRef> refs) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", l.id());
        v.put("sellerPartyId", l.seller());
        v.put("sellerName", names.getOrDefault(l.seller(), l.seller()));
        v.put("countyCode", county);
        v.put("projects", List.copyOf(refs));
        v.put("vintages", List.copyOf(vintages));
        v.put("remaining", Amounts.credits(l.remainingUnits()));
        v.put("priceYuanPerCredit", Amounts.yuan(l.priceFenPerCredit()));
        v.put("totalYuan", Amounts.yuan(CreditUnits.paymentFen(l.remainingUnits(), l.priceFenPerCredit())));
        v.put("policyVersion", l.policyVersion());
        v.put("priceFen", l.priceFenPerCredit()); // sort key, removed before answering
        return v;
    }

    /** The batches whose serials each open listing escrows (its LISTED blocks). */
    private static Map<String, List<IssuanceBatch>> listedBatches(CreditRegistry r) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (SerialBlock b : r.blocks()) {
            if (b.state() == BlockState.LISTED) {
                ids.computeIfAbsent(b.listingId(), k -> new TreeSet<>()).add(b.batchId());
            }
        }
        Map<String, List<IssuanceBatch>> out = new HashMap<>();
        ids.forEach((listing, batches) -> out.put(
                listing,
                batches.stream()
                        .map(r::batch)
                        .flatMap(java.util.Optional::stream)
                        .toList()));
        return out;
    }

    /** Bids of the actor's market: {@code open} filters, {@code buyer} narrows to one party; best price first. */
    Page<Map<String, Object>> bids(Actor actor, String county, Boolean open, String buyer, PageRequest page) {
        CreditsAccess.requireSignedIn(actor);
        Map<String, String> names = partyNames();
        List<Map<String, Object>> rows = host.read(r -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Bid b : r.bids()) {
                String c = host.countyOf(b.buyer());
                if (inMarket(actor, c)
                        && (county == null || county.isBlank() || county.equals(c))
                        && (open == null || open == b.open())
                        && (buyer == null || buyer.isBlank() || buyer.equals(b.buyer()))) {
                    out.add(bidRow(b, c, names));
                }
            }
            return out;
        });
        rows.sort(Comparator.comparing((Map<String, Object> m) -> !(Boolean) m.get("open"))
                .thenComparing(
                        (Map<String, Object> m) -> new java.math.BigDecimal((String) m.get("priceYuanPerCredit")),
                        Comparator.reverseOrder())
                .thenComparing(m -> (String) m.get("id")));
        return slice(rows, page);
    }

    static Map<String, Object> bidRow(Bid b, String county, Map<String, String> names) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", b.id());
        v.put("buyerPartyId", b.buyer());
        v.put("buyerName", names.getOrDefault(b.buyer(), b.buyer()));
        v.put("countyCode", county);
        v.put("priceYuanPerCredit", Amounts.yuan(b.priceFenPerCredit()));
        v.put("remaining", Amounts.credits(b.remainingUnits()));
        v.put("totalYuan", Amounts.yuan(CreditUnits.paymentFen(b.remainingUnits(), b.priceFenPerCredit())));
        v.put("open", b.open());
        v.put("policyVersion", b.policyVersion());
        return v;
    }

    /**
     * Settled market trades (register lines of kind SALE, listing purchases and accepted bids) of the
     * actor's market, oldest first, grouped per county: the points of the price chart.
     */
    List<Map<String, Object>> trades(Actor actor, String county) {
        CreditsAccess.requireSignedIn(actor);
        Map<String, List<Map<String, Object>>> byCounty = new java.util.TreeMap<>();
        jdbc.query(
                "select county_code, at, units, price_fen_per_credit, amount_fen from credit_register"
                        + " where kind = 'SALE' and (cast(? as text) is null or county_code = ?) order by at, id limit 5000",
                rs -> {
                    String c = rs.getString(1);
                    if (!inMarket(actor, c)) {
                        return;
                    }
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put(
                            "at",
                            rs.getObject(2, java.time.OffsetDateTime.class)
                                    .toInstant()
                                    .toString());
                    p.put("credits", Amounts.credits(rs.getLong(3)));
                    p.put("priceYuanPerCredit", Amounts.yuan(rs.getLong(4)));
                    p.put("amountYuan", Amounts.yuan(rs.getLong(5)));
                    byCounty.computeIfAbsent(c, k -> new ArrayList<>()).add(p);
                },
                county == null || county.isBlank() ? null : county,
                county == null || county.isBlank() ? null : county);
        List<Map<String, Object>> out = new ArrayList<>();
        byCounty.forEach((c, points) -> out.add(Map.of("countyCode", c, "points", points)));
        return out;
    }

    /** Restoration projects by id: name and kind (lower case, as the API writes kinds). */
    Map<String, ProjectRef> projects() {
        Map<String, ProjectRef> out = new HashMap<>();
        jdbc.query("select id, name, kind from credit_project", rs -> {
            out.put(
                    rs.getString(1),
                    new ProjectRef(
                            rs.getString(1), rs.getString(2), rs.getString(3).toLowerCase(java.util.Locale.ROOT)));
        });
        return out;
    }

    /** Names of all credit accounts by id (names of accounts are public on the market). */
    Map<String, String> partyNames() {
        Map<String, String> out = new HashMap<>();
        jdbc.query("select id, name from credit_party", rs -> {
            out.put(rs.getString(1), rs.getString(2));
        });
        return out;
    }

    static <T> Page<T> slice(List<T> rows, PageRequest page) {
        int from = (int) Math.min(rows.size(), page.offset());
        int to = Math.min(rows.size(), from + page.size());
        return page.toPage(new ArrayList<>(rows.subList(from, to)), rows.size());
    }
}
