package liangshan.app.distribution.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import liangshan.app.audit.AuditTrail;
import liangshan.app.eledger.AssetPackages;
import liangshan.app.eledger.AssetPackages.PackageInfo;
import liangshan.app.identity.Actor;
import liangshan.app.money.MoneyLedger;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.kernel.id.Ulid;
import liangshan.kernel.money.Money;
import liangshan.kernel.money.RentSchedule;
import liangshan.ledger.Asset;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.TransferRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Leases of eco asset packages to the cooperative and their rent payments (cooperative → village). */
@Service
class LeaseService {

    record OptionInput(String valuationYuan, String pricePerShareYuan) {}

    record LeaseInput(
            String packageId,
            String contractNumber,
            String annualRentYuan,
            String escalationPct,
            Integer escalationEveryYears,
            String paymentDay,
            OptionInput option) {}

    record Row(
            String id,
            String packageId,
            String villageCode,
            String countyCode,
            String lesseePartyId,
            String contractNumber,
            LocalDate termFrom,
            LocalDate termTo,
            long annualRentFen,
            int escalationBp,
            int escalationEveryYears,
            String paymentDay,
            Long optionValuationFen,
            Long optionPricePerShareFen,
            String status,
            String createdBy,
            Instant createdAt,
            String approvedBy,
            Instant approvedAt,
            String rejectedBy,
            Instant rejectedAt) {

        /** Rent is paid and options convert only under an approved lease. */
        boolean effective() {
            return status.equals("active") || status.equals("converted");
        }

        List<RentSchedule.Instalment> schedule() {
            return RentSchedule.of(
                    termFrom, termTo, Money.ofFen(annualRentFen), escalationBp, escalationEveryYears, paymentDay);
        }
    }

    record Payment(
            String id,
            String leaseId,
            int year,
            LocalDate dueOn,
            LocalDate paidOn,
            String amountYuan,
            UUID transferId,
            String paidBy,
            Instant paidAt) {}

    private static final String INSERT_COLUMNS = "id, package_id, village_code, county_code, lessee_party_id,"
            + " contract_number, term_from, term_to, annual_rent_fen, escalation_bp, escalation_every_years,"
            + " payment_day, option_valuation_fen, option_price_per_share_fen, status, created_by, created_at";
    private static final String COLUMNS = INSERT_COLUMNS + ", approved_by, approved_at, rejected_by, rejected_at";

    private final JdbcClient jdbc;
    private final AssetPackages packages;
    private final MoneyLedger money;
    private final AuditTrail audit;
    private final Clock clock;
    private final Random random = new Random();

    LeaseService(JdbcClient jdbc, AssetPackages packages, MoneyLedger money, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.packages = packages;
        this.money = money;
        this.audit = audit;
        this.clock = clock;
    }

    /** 409 {@code distribution.lease.exists} when the package has a lease that was not rejected. */
    static void requireNotLeased(JdbcClient jdbc, PackageInfo pkg) {
        if (jdbc.sql("select count(*) from dist_lease where package_id = ? and status <> 'rejected'")
                        .param(pkg.id())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.lease.exists", pkg.id());
        }
    }

    @Transactional
    LeaseView create(Actor actor, LeaseInput in) {
        PackageInfo pkg = leasablePackage(packages, actor, in);
        Terms t = terms(in);
        requireNotLeased(jdbc, pkg);
        String county = pkg.villageCode().substring(0, 6);
        Row row = new Row(
                Ulid.next(clock, random).value(),
                pkg.id(),
                pkg.villageCode(),
                county,
                pkg.lesseePartyId(),
                in.contractNumber().trim(),
                pkg.termFrom(),
                pkg.termTo(),
                t.rentFen(),
                t.escalationBp(),
                t.every(),
                in.paymentDay(),
                t.valuationFen(),
                t.priceFen(),
                "proposed",
                actor.username(),
                clock.instant(),
                null,
                null,
                null,
                null);
        insert(row);
        money.open(List.of(
                DistributionAccounts.cooperativeBank(county), DistributionAccounts.villageIncome(pkg.villageCode())));
        LeaseView view = view(row);
        audit.record("distribution.lease.created", "dist_lease", row.id(), row.villageCode(), null, view);
        return view;
    }

    record Terms(long rentFen, int escalationBp, int every, Long valuationFen, Long priceFen) {}

    /**
     * Approves a proposed lease (maker-checker): by a cooperative writer other than its creator; only then
     * is rent paid and the option convertible.
     */
    @Transactional
    LeaseView approve(Actor actor, String id, String note) {
        return decide(actor, id, note, true);
    }

    /** Rejects (or withdraws) a proposed lease; its package may then be leased again. */
    @Transactional
    LeaseView reject(Actor actor, String id, String note) {
        return decide(actor, id, note, false);
    }

    private LeaseView decide(Actor actor, String id, String note, boolean approve) {
        Row lease = find(id, true).orElseThrow(() -> notFound(id));
        DistributionAccess.read(actor, lease.villageCode(), "distribution.lease.not-found", id);
        DistributionAccess.cooperativeWrite(actor, lease.villageCode());
        if (!lease.status().equals("proposed")) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.lease.bad-state", lease.status());
        }
        if (approve && lease.createdBy().equals(actor.username())) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.same-person");
        }
        jdbc.sql(
                        approve
                                ? "update dist_lease set status = 'active', approved_by = ?, approved_at = ? where id = ?"
                                : "update dist_lease set status = 'rejected', rejected_by = ?, rejected_at = ? where id = ?")
                .params(actor.username(), RunStore.utc(clock.instant()), id)
                .update();
        LeaseView after = view(find(id, false).orElseThrow());
        Map<String, Object> change = new java.util.LinkedHashMap<>(Map.of("status", after.status()));
        if (note != null) {
            change.put("note", note);
        }
        audit.record(
                approve ? "distribution.lease.approved" : "distribution.lease.rejected",
                "dist_lease",
                id,
                lease.villageCode(),
                Map.of("status", lease.status()),
                change);
        return after;
    }

    /** The lease's terms, or 400 with every problem of the input. */
    /**
     * The package {@code in} names, if the actor may lease it to its cooperative: 404 unknown or out of
     * scope, 403 not a cooperative writer, 409 not leased to a cooperative (the lease command and its preview).
     */
    static PackageInfo leasablePackage(AssetPackages packages, Actor actor, LeaseInput in) {
        PackageInfo pkg =
                in.packageId() == null ? null : packages.find(in.packageId()).orElse(null);
        if (pkg == null || !actor.canRead(pkg.villageCode())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "distribution.package.not-found", in.packageId());
        }
        DistributionAccess.cooperativeWrite(actor, pkg.villageCode());
        if (!"leased".equals(pkg.status()) || !"cooperative".equals(pkg.lesseeKind())) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.package.not-leased", pkg.id());
        }
        return pkg;
    }

    static Terms terms(LeaseInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        Long rent = Amounts.fen(in.annualRentYuan(), true, "annualRentYuan", "distribution.lease.bad-rent", problems);
        java.math.BigDecimal esc = Amounts.percent(
                in.escalationPct() == null ? "0" : in.escalationPct(),
                0,
                100,
                "escalationPct",
                "distribution.lease.bad-escalation",
                problems);
        int every = in.escalationEveryYears() == null ? 1 : in.escalationEveryYears();
        if (every < 1 || every > 100) {
            problems.add(new FieldProblem("escalationEveryYears", "distribution.lease.bad-escalation", null, null));
        }
        if (!validDay(in.paymentDay())) {
            problems.add(new FieldProblem("paymentDay", "distribution.lease.bad-payment-day", null, null));
        }
        if (in.contractNumber() == null || in.contractNumber().isBlank()) {
            problems.add(new FieldProblem("contractNumber", "distribution.lease.contract-number-required", null, null));
        }
        Long valuation = null;
        Long price = null;
        if (in.option() != null) {
            valuation = Amounts.fen(
                    in.option().valuationYuan(),
                    true,
                    "option.valuationYuan",
                    "distribution.lease.bad-option",
                    problems);
            price = Amounts.fen(
                    in.option().pricePerShareYuan(),
                    true,
                    "option.pricePerShareYuan",
                    "distribution.lease.bad-option",
                    problems);
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "distribution.lease.invalid", problems);
        }
        return new Terms(rent, esc.movePointRight(2).intValueExact(), every, valuation, price);
    }

    LeaseView get(Actor actor, String id) {
        Row row = find(id, false).orElseThrow(() -> notFound(id));
        DistributionAccess.read(actor, row.villageCode(), "distribution.lease.not-found", id);
        return view(row);
    }

    Page<LeaseView> list(Actor actor, String village, PageRequest page) {
        String prefix = DistributionAccess.listPrefix(actor, village);
        List<LeaseView> items = jdbc
                .sql("select " + COLUMNS + " from dist_lease where village_code like ?"
                        + " order by created_at desc, id limit ? offset ?")
                .params(prefix + "%", page.size(), page.offset())
                .query((rs, n) -> row(rs))
                .list()
                .stream()
                .map(this::view)
                .toList();
        long total = jdbc.sql("select count(*) from dist_lease where village_code like ?")
                .param(prefix + "%")
                .query(Long.class)
                .single();
        return page.toPage(items, total);
    }

    /** Pays rent year {@code year} once; answers the payment and whether this call made it. */
    @Transactional
    Map.Entry<Payment, Boolean> pay(Actor actor, String leaseId, Integer year, LocalDate paidOn) {
        Row lease = find(leaseId, true).orElseThrow(() -> notFound(leaseId));
        DistributionAccess.read(actor, lease.villageCode(), "distribution.lease.not-found", leaseId);
        DistributionAccess.cooperativeWrite(actor, lease.villageCode());
        if (!lease.effective()) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.lease.not-active", leaseId, lease.status());
        }
        List<Payment> existing = payments(leaseId).stream()
                .filter(p -> year != null && p.year() == year)
                .toList();
        if (!existing.isEmpty()) {
            return Map.entry(existing.get(0), false);
        }
        RentSchedule.Instalment due = lease.schedule().stream()
                .filter(i -> year != null && i.year() == year)
                .findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "distribution.payment.bad-year", year));
        LocalDate today = LocalDate.now(clock);
        LocalDate on = paidOn == null ? today : paidOn;
        if (on.isAfter(today) || on.isBefore(lease.termFrom())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "distribution.payment.bad-date", on);
        }
        UUID transferId = MoneyLedger.transferId("distribution.rent", leaseId, Integer.toString(year));
        SortedMap<String, String> refs = new TreeMap<>(Map.of(
                "lease", leaseId,
                "package", lease.packageId(),
                "contract", lease.contractNumber(),
                "period", Integer.toString(due.from().getYear()),
                "village", lease.villageCode()));
        money.open(List.of(
                DistributionAccounts.cooperativeBank(lease.countyCode()),
                DistributionAccounts.villageIncome(lease.villageCode())));
        LedgerResult result = money.submit(List.of(new TransferRequest(
                        transferId,
                        DistributionAccounts.cooperativeBank(lease.countyCode()).id(),
                        DistributionAccounts.villageIncomeId(lease.villageCode()),
                        due.amount().fen(),
                        Asset.CNY,
                        "distribution.rent",
                        refs,
                        null,
                        null,
                        null,
                        null)))
                .get(0);
        if (!result.isSuccess()) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "distribution.payment.rejected", RunPoster.ledgerCode(result.code()));
        }
        Payment p = new Payment(
                Ulid.next(clock, random).value(),
                leaseId,
                year,
                due.dueOn(),
                on,
                Amounts.yuan(due.amount().fen()),
                transferId,
                actor.username(),
                clock.instant());
        insertPayment(p, due.amount().fen());
        audit.record("distribution.rent.paid", "dist_rent_payment", p.id(), lease.villageCode(), null, p);
        return Map.entry(p, true);
    }

    private void insertPayment(Payment p, long amountFen) {
        jdbc.sql("insert into dist_rent_payment (id, lease_id, year, due_on, paid_on, amount_fen, transfer_id, paid_by,"
                        + " paid_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        p.id(),
                        p.leaseId(),
                        p.year(),
                        p.dueOn(),
                        p.paidOn(),
                        amountFen,
                        p.transferId(),
                        p.paidBy(),
                        RunStore.utc(p.paidAt()))
                .update();
    }

    List<Payment> payments(Actor actor, String leaseId) {
        Row lease = find(leaseId, false).orElseThrow(() -> notFound(leaseId));
        DistributionAccess.read(actor, lease.villageCode(), "distribution.lease.not-found", leaseId);
        return payments(leaseId);
    }

    List<Payment> payments(String leaseId) {
        return jdbc.sql("select id, lease_id, year, due_on, paid_on, amount_fen, transfer_id, paid_by, paid_at"
                        + " from dist_rent_payment where lease_id = ? order by year")
                .param(leaseId)
                .query((rs, n) -> new Payment(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class),
                        Amounts.yuan(rs.getLong(6)),
                        rs.getObject(7, UUID.class),
                        rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant()))
                .list();
    }

    java.util.Optional<Row> find(String id, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from dist_lease where id = ?" + (forUpdate ? " for update" : ""))
                .param(id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    void converted(String id) {
        jdbc.sql("update dist_lease set status = 'converted' where id = ?")
                .param(id)
                .update();
    }

    LeaseView view(Row row) {
        return LeaseView.of(row, payments(row.id()));
    }

    static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "distribution.lease.not-found", id);
    }

    private static boolean validDay(String day) {
        if (day == null || !day.matches("\\d\\d-\\d\\d")) {
            return false;
        }
        int month = Integer.parseInt(day.substring(0, 2));
        int d = Integer.parseInt(day.substring(3));
        return month >= 1
                && month <= 12
                && d >= 1
                && d <= java.time.Month.of(month).maxLength();
    }

    private void insert(Row r) {
        jdbc.sql("insert into dist_lease (" + INSERT_COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        r.packageId(),
                        r.villageCode(),
                        r.countyCode(),
                        r.lesseePartyId(),
                        r.contractNumber(),
                        r.termFrom(),
                        r.termTo(),
                        r.annualRentFen(),
                        r.escalationBp(),
                        r.escalationEveryYears(),
                        r.paymentDay(),
                        r.optionValuationFen(),
                        r.optionPricePerShareFen(),
                        r.status(),
                        r.createdBy(),
                        RunStore.utc(r.createdAt()))
                .update();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(
                rs.getString("id"),
                rs.getString("package_id"),
                rs.getString("village_code"),
                rs.getString("county_code"),
                rs.getString("lessee_party_id"),
                rs.getString("contract_number"),
                rs.getObject("term_from", LocalDate.class),
                rs.getObject("term_to", LocalDate.class),
                rs.getLong("annual_rent_fen"),
                rs.getInt("escalation_bp"),
                rs.getInt("escalation_every_years"),
                rs.getString("payment_day"),
                rs.getObject("option_valuation_fen", Long.class),
                rs.getObject("option_price_per_share_fen", Long.class),
                rs.getString("status"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("approved_by"),
                instant(rs, "approved_at"),
                rs.getString("rejected_by"),
                instant(rs, "rejected_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
