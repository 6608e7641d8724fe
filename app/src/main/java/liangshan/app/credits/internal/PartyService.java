package liangshan.app.credits.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liangshan.app.audit.AuditTrail;
import liangshan.app.identity.Actor;
import liangshan.app.money.MoneyLedger;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.ledger.credits.BlockState;
import liangshan.ledger.credits.CountyPool;
import liangshan.ledger.credits.CreditCommand;
import liangshan.ledger.credits.CreditParty;
import liangshan.ledger.credits.CreditRegistry;
import liangshan.ledger.credits.Listing;
import liangshan.ledger.credits.PoolLiability;
import liangshan.ledger.credits.ProjectKind;
import liangshan.ledger.credits.RevenueShare;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Policies, eco-credit accounts (parties), their members and the county reserve pools. */
@Service("creditsPartyService")
class PartyService {

    static final List<String> COUNTIES = List.of("330802", "330803", "330822", "330824", "330825", "330881");

    record PolicyInput(
            String version,
            String multiplier,
            Boolean sameCounty,
            Boolean matchServiceType,
            String stacking,
            String bufferPct,
            RuleInput revenueRule) {}

    record RuleInput(String version, String villagePct, String householdsPct, String operatorPct, String fundsPct) {}

    record PartyInput(String name, String countyCode, String villageCode, String type) {}

    record PoolInput(String countyCode, String priceYuanPerCredit) {}

    record PartyView(
            String id,
            String name,
            String type,
            String countyCode,
            String villageCode,
            String issued,
            String pending,
            String listed,
            String cashYuan,
            UUID holdingAccount,
            UUID cashAccount) {}

    record LiabilityView(String id, String obligationId, String beneficiary, String units, String outstanding) {}

    record PoolView(
            String countyCode,
            String partyId,
            String priceYuanPerCredit,
            String issued,
            String openLiabilities,
            List<LiabilityView> liabilities) {}

    private final RegistryHost host;
    private final JdbcTemplate jdbc;
    private final MoneyLedger money;
    private final AuditTrail audit;
    private final Clock clock;

    PartyService(RegistryHost host, JdbcTemplate jdbc, MoneyLedger money, AuditTrail audit, Clock clock) {
        this.host = host;
        this.jdbc = jdbc;
        this.money = money;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- policies ----

    Map<String, Object> createPolicy(Actor actor, PolicyInput in) {
        CreditsAccess.requireCityAdmin(actor);
        List<FieldProblem> problems = new ArrayList<>();
        if (in.version() == null || in.version().isBlank()) {
            problems.add(new FieldProblem("version", "credits.bad-version", null, null));
        }
        BigDecimal multiplier = multiplier(in.multiplier(), problems);
        if (in.stacking() == null || !List.of("NONE", "WITH_CARBON_SINK", "ALL").contains(in.stacking())) {
            problems.add(new FieldProblem("stacking", "credits.bad-stacking", null, null));
        }
        int buffer = Amounts.basisPoints(in.bufferPct());
        if (buffer < 0) {
            problems.add(new FieldProblem("bufferPct", "credits.bad-pct", null, null));
        }
        RuleInput r = in.revenueRule();
        int[] bp = r == null
                ? new int[] {-1}
                : new int[] {
                    Amounts.basisPoints(r.villagePct()),
                    Amounts.basisPoints(r.householdsPct()),
                    Amounts.basisPoints(r.operatorPct()),
                    Amounts.basisPoints(r.fundsPct())
                };
        if (r == null
                || r.version() == null
                || r.version().isBlank()
                || bp[0] < 0
                || bp[1] < 0
                || bp[2] < 0
                || bp[3] < 0
                || bp[0] + bp[1] + bp[2] + bp[3] != 10_000) {
            problems.add(new FieldProblem("revenueRule", "credits.bad-revenue-rule", null, null));
        }
        Amounts.check(problems, "credits.invalid");
        BigDecimal m = multiplier;
        return host.write(s -> {
            Integer exists = jdbc.queryForObject(
                    "select count(*) from credit_policy where version = ?", Integer.class, in.version());
            if (exists > 0) {
                throw new ApiException(HttpStatus.CONFLICT, "credits.policy.exists");
            }
            jdbc.update(
                    "insert into credit_policy (version, multiplier, same_county, match_service_type, stacking,"
                            + " buffer_bp, rule_version, village_bp, households_bp, operator_bp, funds_bp, created_by,"
                            + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    in.version(),
                    m,
                    in.sameCounty() == null || in.sameCounty(),
                    in.matchServiceType() != null && in.matchServiceType(),
                    in.stacking(),
                    buffer,
                    r.version(),
                    bp[0],
                    bp[1],
                    bp[2],
                    bp[3],
                    actor.username(),
                    OffsetDateTime.now(clock));
            Map<String, Object> view = policy(in.version());
            audit.record("credits.policy.created", "credit_policy", in.version(), "3308", null, view);
            host.invalidate();
            return view;
        });
    }

    /** A multiplier &gt; 0 with at most 6 decimals (the column's scale), or null with a field problem. */
    private static BigDecimal multiplier(String text, List<FieldProblem> problems) {
        BigDecimal m;
        try {
            m = new BigDecimal(text);
        } catch (RuntimeException e) {
            m = null;
        }
        if (m == null || m.signum() <= 0 || m.scale() > 6) {
            problems.add(new FieldProblem("multiplier", "credits.bad-multiplier", null, null));
            return null;
        }
        return m;
    }

    List<Map<String, Object>> policies(Actor actor) {
        CreditsAccess.requireSignedIn(actor);
        return jdbc
                .queryForList("select version from credit_policy order by created_at, version", String.class)
                .stream()
                .map(this::policy)
                .toList();
    }

    private Map<String, Object> policy(String version) {
        Map<String, Object> row = jdbc.queryForMap("select * from credit_policy where version = ?", version);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", version);
        v.put(
                "multiplier",
                ((BigDecimal) row.get("multiplier")).stripTrailingZeros().toPlainString());
        v.put("sameCounty", row.get("same_county"));
        v.put("matchServiceType", row.get("match_service_type"));
        v.put("stacking", row.get("stacking"));
        v.put("bufferPct", Amounts.pct((Integer) row.get("buffer_bp")));
        v.put(
                "revenueRule",
                Map.of(
                        "version", row.get("rule_version"),
                        "villagePct", Amounts.pct((Integer) row.get("village_bp")),
                        "householdsPct", Amounts.pct((Integer) row.get("households_bp")),
                        "operatorPct", Amounts.pct((Integer) row.get("operator_bp")),
                        "fundsPct", Amounts.pct((Integer) row.get("funds_bp"))));
        return v;
    }

    /** The most recently published policy version. */
    String currentPolicy() {
        return jdbc
                .queryForList(
                        "select version from credit_policy order by created_at desc, version desc limit 1",
                        String.class)
                .stream()
                .findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "credits.no-policy"));
    }

    // ---- parties ----

    PartyView createParty(Actor actor, PartyInput in, UUID requestId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.name() == null || in.name().isBlank()) {
            problems.add(new FieldProblem("name", "credits.name-required", null, null));
        }
        String county = in.countyCode();
        if (county == null || !COUNTIES.contains(county)) {
            problems.add(new FieldProblem("countyCode", "credits.bad-county", null, null));
        }
        if (in.villageCode() != null && (county == null || !in.villageCode().matches(county + "\\d{6}"))) {
            problems.add(new FieldProblem("villageCode", "credits.bad-village", null, null));
        }
        if (in.type() == null
                || !List.of("village_collective", "cooperative", "enterprise").contains(in.type())) {
            problems.add(new FieldProblem("type", "credits.bad-type", null, null));
        }
        Amounts.check(problems, "credits.invalid");
        CreditsAccess.requireManager(actor, county);
        String id = "CP"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        String division = in.villageCode() != null ? in.villageCode() : county;
        ProjectKind kind = in.type().equals("village_collective") ? ProjectKind.VILLAGE : ProjectKind.ENTERPRISE;
        return host.write(s -> {
            insertParty(id, in.name(), in.type(), county, division, actor);
            CreditParty party = new CreditParty(id, county, kind, proceeds(id, county, division));
            s.require(new CreditCommand.OpenAccount(requestId, party), actor.username());
            PartyView view = view(s.registry(), id);
            audit.record("credits.party.opened", "credit_party", id, division, null, view);
            return view;
        });
    }

    private void insertParty(String id, String name, String type, String county, String division, Actor actor) {
        jdbc.update(
                "insert into credit_party (id, name, type, county_code, division_code, created_by, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                id,
                name,
                type,
                county,
                division,
                actor.username(),
                OffsetDateTime.now(clock));
    }

    /** Opens the party's CNY accounts and the county's operator and fund accounts; answers the share map. */
    private Map<RevenueShare, UUID> proceeds(String party, String county, String division) {
        MoneyLedger.AccountSpec cash = cash(party, division);
        MoneyLedger.AccountSpec households =
                MoneyLedger.AccountSpec.of(party, "credits.households", division, "积分收益（农户）", true);
        MoneyLedger.AccountSpec operator =
                MoneyLedger.AccountSpec.of(county, "credits.operator", county, "积分交易运营方", true);
        MoneyLedger.AccountSpec fund = MoneyLedger.AccountSpec.of(county, "credits.fund", county, "生态修复基金", true);
        money.open(List.of(cash, households, operator, fund));
        Map<RevenueShare, UUID> map = new EnumMap<>(RevenueShare.class);
        map.put(RevenueShare.VILLAGE, cash.id());
        map.put(RevenueShare.HOUSEHOLDS, households.id());
        map.put(RevenueShare.OPERATOR, operator.id());
        map.put(RevenueShare.FUNDS, fund.id());
        return map;
    }

    static MoneyLedger.AccountSpec cash(String party, String division) {
        return MoneyLedger.AccountSpec.of(party, "credits.cash", division, "积分账户资金", true);
    }

    static UUID cashAccount(String party) {
        return MoneyLedger.accountId("credits.cash", party);
    }

    void addMember(Actor actor, String partyId, String username) {
        Party p = party(actor, partyId);
        CreditsAccess.requireManager(actor, p.county());
        if (username == null || username.isBlank()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "credits.user-not-found");
        }
        host.write(s -> {
            jdbc.update(
                    "insert into credit_party_member (party_id, username) values (?, ?) on conflict do nothing",
                    partyId,
                    username);
            audit.record("credits.party.member-added", "credit_party", partyId, p.division(), null, username);
            return null;
        });
    }

    /** A stored party. */
    record Party(String id, String name, String type, String county, String division) {}

    /** The party if the actor may read it, else 404. */
    Party party(Actor actor, String id) {
        Party p = find(id);
        if (p == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "credits.not-found");
        }
        CreditsAccess.requireReadable(actor, p.division());
        return p;
    }

    Party find(String id) {
        return jdbc
                .query(
                        "select id, name, type, county_code, division_code from credit_party where id = ?",
                        (rs, n) -> new Party(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                        id)
                .stream()
                .findFirst()
                .orElse(null);
    }

    PartyView get(Actor actor, String id) {
        party(actor, id);
        return host.read(r -> view(r, id));
    }

    Page<PartyView> list(Actor actor, String county, PageRequest page) {
        CreditsAccess.requireSignedIn(actor);
        String prefix = county != null && actor.scope().covers(county)
                ? county
                : actor.scope().divisionCode();
        List<String> ids = jdbc.queryForList(
                "select id from credit_party where division_code like ? and division_code like ? order by created_at, id"
                        + " limit ? offset ?",
                String.class,
                actor.scope().likePattern(),
                prefix + "%",
                page.size(),
                page.offset());
        Long total = jdbc.queryForObject(
                "select count(*) from credit_party where division_code like ? and division_code like ?",
                Long.class,
                actor.scope().likePattern(),
                prefix + "%");
        List<PartyView> views =
                host.read(r -> ids.stream().map(id -> view(r, id)).toList());
        return page.toPage(views, total);
    }

    PartyView view(CreditRegistry r, String id) {
        Party p = find(id);
        long listed = r.listings().stream()
                .filter(l -> l.open() && l.seller().equals(id))
                .mapToLong(Listing::remainingUnits)
                .sum();
        UUID cash = cashAccount(id);
        MoneyLedger.Balance b = money.balances(List.of(cash)).get(cash);
        return new PartyView(
                id,
                p.name(),
                p.type(),
                p.county(),
                p.division().length() == 12 ? p.division() : null,
                Amounts.credits(r.issuedBalance(id)),
                Amounts.credits(r.pendingBalance(id)),
                Amounts.credits(listed),
                Amounts.yuan(b == null ? 0 : b.postedFen()),
                r.accounts().holding(id),
                cash);
    }

    // ---- pools ----

    PoolView createPool(Actor actor, PoolInput in, UUID requestId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.countyCode() == null || !COUNTIES.contains(in.countyCode())) {
            problems.add(new FieldProblem("countyCode", "credits.bad-county", null, null));
        }
        long price = Amounts.fen(in.priceYuanPerCredit(), "priceYuanPerCredit", "credits.bad-price", problems);
        Amounts.check(problems, "credits.invalid");
        String county = in.countyCode();
        CreditsAccess.requireManager(actor, county);
        String id = "POOL-" + county;
        return host.write(s -> {
            if (find(id) != null) {
                throw new ApiException(HttpStatus.CONFLICT, "credits.pool.exists");
            }
            insertParty(id, county + " 县级储备池", "county_pool", county, county, actor);
            MoneyLedger.AccountSpec cash = cash(id, county);
            money.open(List.of(cash));
            CreditParty party = CreditParty.single(id, county, ProjectKind.GOVERNMENT, cash.id());
            s.require(new CreditCommand.OpenAccount(requestId, party), actor.username());
            UUID configure =
                    UUID.nameUUIDFromBytes(("pool:" + requestId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            s.require(
                    new CreditCommand.ConfigurePool(configure, new CountyPool(county, id, price, cash.id())),
                    actor.username());
            jdbc.update(
                    "insert into credit_pool (county_code, party_id, price_fen_per_credit) values (?, ?, ?)",
                    county,
                    id,
                    price);
            PoolView view = poolView(s.registry(), county);
            audit.record("credits.pool.created", "credit_pool", county, county, null, view);
            return view;
        });
    }

    List<PoolView> pools(Actor actor) {
        CreditsAccess.requireSignedIn(actor);
        // Pools and their published prices are public facts: every signed-in role sees every county's pool.
        List<String> counties =
                jdbc.queryForList("select county_code from credit_pool order by county_code", String.class);
        return host.read(r -> counties.stream().map(c -> poolView(r, c)).toList());
    }

    PoolView poolView(CreditRegistry r, String county) {
        Map<String, Object> row = jdbc.queryForMap("select * from credit_pool where county_code = ?", county);
        String party = (String) row.get("party_id");
        List<LiabilityView> liabilities = new ArrayList<>();
        long open = 0;
        for (PoolLiability l : r.liabilities()) {
            if (l.county().equals(county)) {
                liabilities.add(new LiabilityView(
                        l.id(),
                        l.obligationId(),
                        l.beneficiary(),
                        Amounts.credits(l.units()),
                        Amounts.credits(l.outstandingUnits())));
                open += l.outstandingUnits();
            }
        }
        return new PoolView(
                county,
                party,
                Amounts.yuan((Long) row.get("price_fen_per_credit")),
                Amounts.credits(r.issuedBalance(party)),
                Amounts.credits(open),
                liabilities);
    }

    /** Retires newly arrived pool credits against the county's open liabilities, oldest first. */
    Map<String, String> settlePool(Actor actor, String county, UUID requestId) {
        CreditsAccess.requireManager(actor, county);
        return host.write(s -> {
            var o = s.require(new CreditCommand.SettlePoolLiabilities(requestId, county), actor.username());
            audit.record("credits.pool.settled", "credit_pool", county, county, null, Map.of("units", o.units()));
            return Map.of("settled", Amounts.credits(o.units()));
        });
    }

    /** Units of {@code state} held by {@code party} (for views). */
    static long units(CreditRegistry r, String party, BlockState state) {
        return r.blocks().stream()
                .filter(b -> b.state() == state && b.holder().equals(party))
                .mapToLong(b -> b.count())
                .sum();
    }
}
