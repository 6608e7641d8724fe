package liangshan.app.credits.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liangshan.app.identity.Actor;
import liangshan.ledger.credits.Bid;
import liangshan.ledger.credits.BlockState;
import liangshan.ledger.credits.CreditRegistry;
import liangshan.ledger.credits.CreditUnits;
import liangshan.ledger.credits.IssuanceBatch;
import liangshan.ledger.credits.Listing;
import liangshan.ledger.credits.Obligation;
import liangshan.ledger.credits.SerialBlock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * One eco-credit account as its page shows it ({@code GET /api/v1/credits/parties/{id}/account}): balances
 * (issued, pending, listed, retired, CNY), holdings by batch and serial block with vintage, project and
 * county, the party's listings and bids, its settled trades and retirements (newest first, at most
 * {@value #RECENT} each) and its open development obligations. Read scope as for the party: 404 outside.
 */
@Service("creditsAccountViews")
class AccountViews {

    static final int RECENT = 200;

    private static final Set<BlockState> HELD =
            Set.of(BlockState.PENDING, BlockState.ISSUED, BlockState.LISTED, BlockState.BUFFER);

    private final RegistryHost host;
    private final JdbcTemplate jdbc;
    private final PartyService parties;
    private final MarketViews market;

    AccountViews(RegistryHost host, JdbcTemplate jdbc, PartyService parties, MarketViews market) {
        this.host = host;
        this.jdbc = jdbc;
        this.parties = parties;
        this.market = market;
    }

    Map<String, Object> account(Actor actor, String partyId) {
        parties.party(actor, partyId);
        Map<String, String> names = market.partyNames();
        Map<String, MarketViews.ProjectRef> projects = market.projects();
        List<Map<String, Object>> developments = jdbc.queryForList(
                "select id, name, obligation_id, provenance from credit_development"
                        + " where developer_party = ? and obligation_id is not null order by created_at, id",
                partyId);
        Map<String, Object> v = host.read(r -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("party", parties.view(r, partyId));
            out.put("holdings", holdings(r, partyId, projects));
            out.put("listings", listings(r, partyId));
            out.put("bids", bids(r, partyId, names));
            out.put("obligations", obligations(r, developments));
            return out;
        });
        long retired = jdbc.queryForObject(
                "select coalesce(sum(units), 0) from credit_register where kind = 'RETIREMENT' and from_party = ?",
                Long.class,
                partyId);
        v.put("retired", Amounts.credits(retired));
        v.put("trades", trades(partyId, names));
        v.put("retirements", retirements(partyId, names));
        return v;
    }

    /** Blocks held by the party, in serial order, with their batch's project, vintage and county. */
    private static List<Map<String, Object>> holdings(
            CreditRegistry r, String party, Map<String, MarketViews.ProjectRef> projects) {
        List<Map<String, Object>> out = new ArrayList<>();
        r.blocks().stream()
                .filter(b -> HELD.contains(b.state()) && b.holder().equals(party))
                .sorted(java.util.Comparator.comparingLong(SerialBlock::start))
                .forEach(b -> {
                    IssuanceBatch batch = r.batch(b.batchId()).orElseThrow();
                    MarketViews.ProjectRef p = projects.get(batch.projectId());
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("batchId", b.batchId());
                    v.put("projectId", batch.projectId());
                    v.put("projectName", p == null ? batch.projectId() : p.name());
                    v.put("projectKind", p == null ? null : p.kind());
                    v.put("vintage", batch.vintage());
                    v.put("countyCode", batch.county());
                    v.put("state", b.state().name().toLowerCase(java.util.Locale.ROOT));
                    v.put("serials", b.start() + "-" + b.end());
                    v.put("credits", Amounts.credits(b.count()));
                    v.put("listingId", b.listingId());
                    out.add(v);
                });
        return out;
    }

    private List<Map<String, Object>> listings(CreditRegistry r, String party) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Listing l : r.listings()) {
            if (l.seller().equals(party)) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("id", l.id());
                v.put("priceYuanPerCredit", Amounts.yuan(l.priceFenPerCredit()));
                v.put("remaining", Amounts.credits(l.remainingUnits()));
                v.put("totalYuan", Amounts.yuan(CreditUnits.paymentFen(l.remainingUnits(), l.priceFenPerCredit())));
                v.put("open", l.open());
                v.put("policyVersion", l.policyVersion());
                out.add(v);
            }
        }
        out.sort(java.util.Comparator.comparing((Map<String, Object> m) -> !(Boolean) m.get("open")));
        return out;
    }

    private List<Map<String, Object>> bids(CreditRegistry r, String party, Map<String, String> names) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Bid b : r.bids()) {
            if (b.buyer().equals(party)) {
                out.add(MarketViews.bidRow(b, host.countyOf(party), names));
            }
        }
        out.sort(java.util.Comparator.comparing((Map<String, Object> m) -> !(Boolean) m.get("open")));
        return out;
    }

    private static List<Map<String, Object>> obligations(CreditRegistry r, List<Map<String, Object>> developments) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> d : developments) {
            Obligation o = r.obligation((String) d.get("obligation_id")).orElse(null);
            if (o == null) {
                continue;
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", o.id());
            v.put("developmentId", d.get("id"));
            v.put("developmentName", d.get("name"));
            v.put("amount", Amounts.credits(o.amountUnits()));
            v.put("retired", Amounts.credits(o.retiredUnits()));
            v.put("outstanding", Amounts.credits(o.outstanding()));
            v.put("acquitted", o.acquitted());
            out.add(v);
        }
        return out;
    }

    /** Transfers, market sales and pool sales the party took part in, newest first. */
    private List<Map<String, Object>> trades(String party, Map<String, String> names) {
        return jdbc.query(
                "select kind, at, from_party, to_party, units, price_fen_per_credit, amount_fen, serials"
                        + " from credit_register where kind in ('TRANSFER', 'SALE', 'POOL_SALE')"
                        + " and (from_party = ? or to_party = ?) order by at desc, id desc limit " + RECENT,
                (rs, n) -> {
                    boolean sold = party.equals(rs.getString(3));
                    String other = sold ? rs.getString(4) : rs.getString(3);
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put(
                            "at",
                            rs.getObject(2, java.time.OffsetDateTime.class)
                                    .toInstant()
                                    .toString());
                    v.put("kind", rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                    v.put("side", sold ? "sell" : "buy");
                    v.put("counterpartyId", other);
                    v.put("counterpartyName", names.getOrDefault(other, other));
                    v.put("credits", Amounts.credits(rs.getLong(5)));
                    v.put("priceYuanPerCredit", Amounts.yuan(rs.getLong(6)));
                    v.put("amountYuan", Amounts.yuan(rs.getLong(7)));
                    v.put("serials", String.join(" ", (String[]) rs.getArray(8).getArray()));
                    return v;
                },
                party,
                party);
    }

    private List<Map<String, Object>> retirements(String party, Map<String, String> names) {
        return jdbc.query(
                "select at, units, serials, obligation_id, beneficiary, reason from credit_register"
                        + " where kind = 'RETIREMENT' and from_party = ? order by at desc, id desc limit " + RECENT,
                (rs, n) -> {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put(
                            "at",
                            rs.getObject(1, java.time.OffsetDateTime.class)
                                    .toInstant()
                                    .toString());
                    v.put("credits", Amounts.credits(rs.getLong(2)));
                    v.put("serials", String.join(" ", (String[]) rs.getArray(3).getArray()));
                    v.put("obligationId", rs.getString(4));
                    v.put("beneficiary", rs.getString(5));
                    v.put("beneficiaryName", names.getOrDefault(rs.getString(5), rs.getString(5)));
                    v.put("reason", rs.getString(6));
                    return v;
                },
                party);
    }
}
