package liangshan.app.distribution.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.AssetPackages;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.web.ApiException;
import liangshan.kernel.money.RentSchedule;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The cooperative's payables and receivables as of a date: rent due vs paid per lease instalment (paid on
 * time, paid late, due today, overdue) and dividends declared vs paid (due {@value #DIVIDEND_DAYS} days
 * after the declaration). Definitions: docs/api/distribution.md, "Cooperative payables and receivables".
 */
@Service
class PayablesService {

    /** A declared dividend is due this many days after its declaration. */
    static final int DIVIDEND_DAYS = 30;

    record RentDue(
            String leaseId,
            String contractNumber,
            String villageCode,
            String villageName,
            String packageId,
            String packageName,
            int year,
            LocalDate dueOn,
            String amountYuan,
            LocalDate paidOn,
            String paymentId,
            String status,
            long daysOverdue) {}

    record DividendDue(
            String dividendId,
            String projectId,
            String projectName,
            String period,
            LocalDate declaredOn,
            LocalDate dueOn,
            String totalYuan,
            String villageYuan,
            String status,
            LocalDate paidOn,
            long daysOverdue) {}

    record Totals(
            String rentDueYuan,
            String rentPaidYuan,
            String rentOutstandingYuan,
            String rentOverdueYuan,
            int overdueCount,
            String dividendsDeclaredYuan,
            String dividendsPaidYuan,
            String dividendsOutstandingYuan,
            String dividendsOverdueYuan) {}

    record Payables(
            String divisionCode,
            String divisionName,
            LocalDate asOf,
            List<RentDue> rent,
            List<DividendDue> dividends,
            Totals totals) {}

    private final JdbcClient jdbc;
    private final LeaseService leases;
    private final AssetPackages eledger;
    private final Divisions divisions;
    private final Clock clock;

    PayablesService(JdbcClient jdbc, LeaseService leases, AssetPackages eledger, Divisions divisions, Clock clock) {
        this.jdbc = jdbc;
        this.leases = leases;
        this.eledger = eledger;
        this.divisions = divisions;
        this.clock = clock;
    }

    Payables payables(Actor actor, String division, LocalDate asOfParam) {
        if (actor.has(Role.HOUSEHOLD)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "distribution.village.not-found", division);
        }
        String prefix = DistributionAccess.listPrefix(actor, division);
        LocalDate asOf = asOfParam == null ? LocalDate.now(clock) : asOfParam;
        List<RentDue> rent = rent(prefix, asOf);
        List<DividendDue> dividends = dividends(prefix, asOf);
        long due = 0;
        long paid = 0;
        long overdue = 0;
        int overdueCount = 0;
        for (RentDue r : rent) {
            long fen = Amounts.fenOf(r.amountYuan());
            if (!r.dueOn().isAfter(asOf)) {
                due += fen;
            }
            if (r.paidOn() != null) {
                paid += fen;
            }
            if (r.status().equals("overdue")) {
                overdue += fen;
                overdueCount++;
            }
        }
        long declared = 0;
        long divPaid = 0;
        long divOverdue = 0;
        for (DividendDue d : dividends) {
            long fen = Amounts.fenOf(d.totalYuan());
            declared += fen;
            if (d.status().equals("paid")) {
                divPaid += fen;
            } else if (d.status().equals("overdue")) {
                divOverdue += fen;
                overdueCount++;
            }
        }
        Totals totals = new Totals(
                Amounts.yuan(due),
                Amounts.yuan(paid),
                Amounts.yuan(Math.max(0, due - paid)),
                Amounts.yuan(overdue),
                overdueCount,
                Amounts.yuan(declared),
                Amounts.yuan(divPaid),
                Amounts.yuan(declared - divPaid),
                Amounts.yuan(divOverdue));
        String name = divisions.find(prefix).map(Division::name).orElse(prefix);
        return new Payables(prefix, name, asOf, rent, dividends, totals);
    }

    private List<RentDue> rent(String prefix, LocalDate asOf) {
        List<String> ids = jdbc.sql("select id from dist_lease where village_code like ? and status in ('active',"
                        + " 'converted') order by village_code, created_at")
                .param(prefix + "%")
                .query(String.class)
                .list();
        Map<String, String> villageNames = new HashMap<>();
        List<RentDue> out = new ArrayList<>();
        for (String id : ids) {
            LeaseService.Row lease = leases.find(id, false).orElseThrow();
            Map<Integer, LeaseService.Payment> paid = new HashMap<>();
            // A payment counts from the day the money arrived: as of an earlier date the rent was unpaid.
            leases.payments(id).stream().filter(p -> !p.paidOn().isAfter(asOf)).forEach(p -> paid.put(p.year(), p));
            String packageName = eledger.find(lease.packageId())
                    .map(AssetPackages.PackageInfo::name)
                    .orElse(null);
            String villageName = villageNames.computeIfAbsent(
                    lease.villageCode(),
                    v -> divisions.find(v).map(Division::name).orElse(v));
            for (RentSchedule.Instalment i : lease.schedule()) {
                LeaseService.Payment p = paid.get(i.year());
                if (p == null && i.dueOn().isAfter(asOf)) {
                    continue;
                }
                String status = p != null
                        ? (p.paidOn().isAfter(i.dueOn()) ? "paid-late" : "paid")
                        : (i.dueOn().isBefore(asOf) ? "overdue" : "due");
                out.add(new RentDue(
                        id,
                        lease.contractNumber(),
                        lease.villageCode(),
                        villageName,
                        lease.packageId(),
                        packageName,
                        i.year(),
                        i.dueOn(),
                        Amounts.yuan(i.amount().fen()),
                        p == null ? null : p.paidOn(),
                        p == null ? null : p.id(),
                        status,
                        status.equals("overdue") ? ChronoUnit.DAYS.between(i.dueOn(), asOf) : 0));
            }
        }
        out.sort(Comparator.comparing((RentDue r) -> !r.status().equals("overdue"))
                .thenComparing(r -> r.status().equals("overdue")
                        ? r.dueOn().toEpochDay()
                        : -r.dueOn().toEpochDay())
                .thenComparing(RentDue::contractNumber));
        return out;
    }

    /**
     * Dividends of projects of the prefix's county (for a county or city scope), or — for a town or
     * village scope — the dividends with a line for a village inside the prefix; amounts of the prefix's
     * villages in {@code villageYuan}.
     */
    private List<DividendDue> dividends(String prefix, LocalDate asOf) {
        boolean narrow = prefix.length() > 6;
        String sql = "select d.id, d.project_id, p.name, d.period, d.declared_at, d.total_fen, d.status, d.paid_at,"
                + " coalesce((select sum(l.amount_fen) from dist_dividend_line l where l.dividend_id = d.id"
                + " and l.village_code like ?), 0) from dist_dividend d join dist_project p on p.id = d.project_id"
                + " where "
                + (narrow
                        ? "exists (select 1 from dist_dividend_line l where l.dividend_id = d.id and l.village_code like ?)"
                        : "p.county_code like ?")
                + " order by d.declared_at desc, d.id";
        return jdbc
                .sql(sql)
                .params(prefix + "%", prefix + "%")
                .query((rs, n) -> {
                    LocalDate declaredOn = rs.getObject(5, OffsetDateTime.class)
                            .atZoneSameInstant(clock.getZone())
                            .toLocalDate();
                    LocalDate dueOn = declaredOn.plusDays(DIVIDEND_DAYS);
                    LocalDate paidOn = Optional.ofNullable(rs.getObject(8, OffsetDateTime.class))
                            .map(t -> t.atZoneSameInstant(clock.getZone()).toLocalDate())
                            .orElse(null);
                    boolean paid = rs.getString(7).equals("paid") && !paidOn.isAfter(asOf);
                    String status = paid ? "paid" : dueOn.isBefore(asOf) ? "overdue" : "declared";
                    return new DividendDue(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            declaredOn,
                            dueOn,
                            Amounts.yuan(rs.getLong(6)),
                            Amounts.yuan(rs.getLong(9)),
                            status,
                            paid ? paidOn : null,
                            status.equals("overdue") ? ChronoUnit.DAYS.between(dueOn, asOf) : 0);
                })
                .list()
                .stream()
                .filter(d -> !d.declaredOn().isAfter(asOf))
                .toList();
    }
}
