package liangshan.app.distribution.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liangshan.app.distribution.internal.DividendService.Computed;
import liangshan.app.distribution.internal.DividendService.DeclareInput;
import liangshan.app.distribution.internal.LeaseService.LeaseInput;
import liangshan.app.eledger.AssetPackages;
import liangshan.app.eledger.AssetPackages.PackageInfo;
import liangshan.app.eledger.AssetPackages.PartyInfo;
import liangshan.app.identity.Actor;
import liangshan.kernel.money.Money;
import liangshan.kernel.money.RentSchedule;
import liangshan.kernel.money.benefit.DividendPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads behind the web forms (branch moneyforms): the packages a lease may be recorded for, and what a
 * lease or a dividend declaration would be — computed by the same code and with the same rejections as
 * the command, so the amounts the form shows before confirming are the ones the command stores, to the
 * fen. Nothing is stored and nothing is audited.
 */
@Service
class FormPreviews {

    /** A package of the village leased to a cooperative with no lease recorded (or only rejected ones). */
    record LeasablePackage(
            String packageId,
            String name,
            LocalDate termFrom,
            LocalDate termTo,
            String lesseePartyId,
            String lesseeName,
            int resourceCount) {}

    record OptionPreview(String valuationYuan, String pricePerShareYuan, long shares, String residualYuan) {}

    record LeasePreview(
            String packageId,
            String packageName,
            String villageCode,
            String lesseePartyId,
            String lesseeName,
            LocalDate termFrom,
            LocalDate termTo,
            List<LeaseView.Year> schedule,
            String totalRentYuan,
            OptionPreview option) {}

    record DividendLinePreview(
            int lineNo,
            String holderKind,
            String holderId,
            long shares,
            String guaranteedYuan,
            String profitYuan,
            String amountYuan) {}

    record DividendPreview(
            String projectId,
            String projectName,
            String policyKind,
            String period,
            String profitYuan,
            String totalYuan,
            List<DividendLinePreview> lines) {}

    private final JdbcClient jdbc;
    private final AssetPackages packages;
    private final DividendService dividends;

    FormPreviews(JdbcClient jdbc, AssetPackages packages, DividendService dividends) {
        this.jdbc = jdbc;
        this.packages = packages;
        this.dividends = dividends;
    }

    /** The packages of {@code village} a cooperative writer may record a lease for. */
    List<LeasablePackage> leasable(Actor actor, String village) {
        DistributionAccess.read(actor, village, "distribution.village.not-found", village);
        DistributionAccess.cooperativeWrite(actor, village);
        Set<String> taken =
                Set.copyOf(jdbc.sql("select package_id from dist_lease where village_code = ? and status <> 'rejected'")
                        .param(village)
                        .query(String.class)
                        .list());
        List<PackageInfo> open = packages.leased(village).stream()
                .filter(p -> p.villageCode().equals(village)
                        && "cooperative".equals(p.lesseeKind())
                        && !taken.contains(p.id()))
                .toList();
        Map<String, PartyInfo> lessees =
                packages.parties(open.stream().map(PackageInfo::lesseePartyId).toList());
        return open.stream()
                .map(p -> new LeasablePackage(
                        p.id(),
                        p.name(),
                        p.termFrom(),
                        p.termTo(),
                        p.lesseePartyId(),
                        lessees.containsKey(p.lesseePartyId())
                                ? lessees.get(p.lesseePartyId()).name()
                                : null,
                        p.resourceIds().size()))
                .toList();
    }

    /**
     * The lease {@code in} would create: term and lessee from the package, the rent schedule
     * ({@link RentSchedule}, as {@link LeaseView}) and the option's whole shares ⌊valuation / price⌋ with the
     * residual. Answers the rejections of {@link LeaseService#create} (404, 403, 409 not leased or leased
     * already, 400 with every field problem).
     */
    @Transactional(readOnly = true)
    LeasePreview lease(Actor actor, LeaseInput in) {
        PackageInfo pkg = LeaseService.leasablePackage(packages, actor, in);
        LeaseService.Terms t = LeaseService.terms(in);
        LeaseService.requireNotLeased(jdbc, pkg);
        List<LeaseView.Year> years = new ArrayList<>();
        long total = 0;
        for (RentSchedule.Instalment i : RentSchedule.of(
                pkg.termFrom(), pkg.termTo(), Money.ofFen(t.rentFen()), t.escalationBp(), t.every(), in.paymentDay())) {
            total += i.amount().fen();
            years.add(new LeaseView.Year(
                    i.year(),
                    i.from(),
                    i.to(),
                    i.dueOn(),
                    Amounts.yuan(i.amount().fen()),
                    false,
                    null));
        }
        OptionPreview option = null;
        if (t.valuationFen() != null) {
            long shares = t.valuationFen() / t.priceFen();
            option = new OptionPreview(
                    Amounts.yuan(t.valuationFen()),
                    Amounts.yuan(t.priceFen()),
                    shares,
                    Amounts.yuan(t.valuationFen() - shares * t.priceFen()));
        }
        PartyInfo lessee = packages.parties(List.of(pkg.lesseePartyId())).get(pkg.lesseePartyId());
        return new LeasePreview(
                pkg.id(),
                pkg.name(),
                pkg.villageCode(),
                pkg.lesseePartyId(),
                lessee == null ? null : lessee.name(),
                pkg.termFrom(),
                pkg.termTo(),
                years,
                Amounts.yuan(total),
                option);
    }

    /** The dividend a declaration of {@code in} would have, line by line, with the declaration's rejections. */
    @Transactional(readOnly = true)
    DividendPreview dividend(Actor actor, String projectId, DeclareInput in) {
        Computed c = dividends.compute(actor, projectId, in, false);
        List<DividendLinePreview> lines = new ArrayList<>();
        for (int i = 0; i < c.lines().length; i++) {
            DividendPolicy.Line l = c.lines()[i];
            ProjectService.CapEntry e = c.cap().get(i);
            lines.add(new DividendLinePreview(
                    i + 1,
                    e.holderKind(),
                    e.holderId(),
                    l.shares(),
                    Amounts.yuan(l.guaranteedFen()),
                    Amounts.yuan(l.profitFen()),
                    Amounts.yuan(l.amountFen())));
        }
        return new DividendPreview(
                projectId,
                c.project().name(),
                c.project().policy().kind().name().toLowerCase(java.util.Locale.ROOT),
                in.period(),
                Amounts.yuan(c.profitFen()),
                Amounts.yuan(c.totalFen()),
                lines);
    }
}
