package liangshan.app.eledger.internal;

import java.util.ArrayList;
import java.util.List;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.internal.EledgerDemoGenerator.Village;
import liangshan.app.eledger.internal.EledgerDemoPlan.Party;
import liangshan.app.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One or two eco asset packages per county, through {@link PackageService} so that the title check
 * and the maker-checker rule are the real ones: in the county's first demo village a package of
 * resources whose operating right the collective or the cooperative holds, taken as far as leased,
 * offered or title-checked (by county), and in every other county a second, draft package that also
 * holds a contracted parcel without a transferred operating right, so its title check has a problem
 * to list.
 */
final class EledgerDemoPackages {

    private static final Logger log = LoggerFactory.getLogger(EledgerDemoPackages.class);
    private static final String[] TARGETS = {"leased", "offered", "title_checked"};

    private final EledgerDemoGenerator generator;
    private final PackageService packages;
    private final Divisions divisions;
    private final JdbcClient jdbc;

    EledgerDemoPackages(EledgerDemoGenerator generator, PackageService packages, Divisions divisions, JdbcClient jdbc) {
        this.generator = generator;
        this.packages = packages;
        this.divisions = divisions;
        this.jdbc = jdbc;
    }

    static TransferService.TransferInput input(EledgerDemoPlan.Application a) {
        return new TransferService.TransferInput(
                a.resourceId(),
                a.contractRightId(),
                a.householdId(),
                a.collectiveId(),
                a.termFrom(),
                a.termTo(),
                a.annualRentYuan() + ".00",
                "3",
                3,
                "12-31",
                "offline",
                a.contractNumber(),
                "示意数据 / illustrative");
    }

    /** The county's packages; returns how many were created (0 when the county has demo packages). */
    int forCounty(String county, String countyName, Party cooperative, List<String> villages) {
        boolean exists = jdbc.sql("select exists (select 1 from eledger_package where created_by = ?"
                        + " and village_code like ?)")
                .params(EledgerDemoGenerator.DEMO_USER, county + "%")
                .query(Boolean.class)
                .single();
        String village =
                villages.stream().filter(this::isDemoVillage).findFirst().orElse(null);
        if (exists || village == null) {
            return 0;
        }
        Division division = divisions.find(village).orElseThrow();
        Boundary boundary = divisions.boundary(village).orElseThrow();
        EledgerDemoPlan plan = generator.plan(new Village(
                village,
                EledgerDemoGenerator.shortName(division.name()),
                countyName,
                boundary.gk120(),
                cooperative,
                false));
        List<String> ready = plan.packageReady();
        if (ready.isEmpty()) {
            return 0;
        }
        int created = 0;
        String target = TARGETS[Integer.parseInt(county.substring(4)) % TARGETS.length];
        try {
            List<String> first = ready.subList(0, Math.min(6, ready.size()));
            PackageService.PackageView a = packages.create(
                    EledgerDemo.MAKER,
                    village,
                    new PackageService.PackageInput(
                            EledgerDemoGenerator.shortName(division.name()) + "生态资产包（一期）",
                            EledgerDemoRights.PACKAGE_FROM,
                            EledgerDemoRights.PACKAGE_TO,
                            first));
            created++;
            packages.titleCheck(EledgerDemo.MAKER, a.pkg().id());
            if (!"title_checked".equals(target)) {
                packages.advance(EledgerDemo.MAKER, a.pkg().id(), "offered", null);
            }
            if ("leased".equals(target)) {
                packages.advance(EledgerDemo.CHECKER, a.pkg().id(), "leased", cooperative.id());
            }
            List<String> second =
                    new ArrayList<>(ready.subList(first.size(), Math.min(first.size() + 3, ready.size())));
            if (!"offered".equals(target) && !plan.unsecured().isEmpty()) {
                second.add(plan.unsecured().get(0));
                PackageService.PackageView b = packages.create(
                        EledgerDemo.MAKER,
                        village,
                        new PackageService.PackageInput(
                                EledgerDemoGenerator.shortName(division.name()) + "生态资产包（二期，待落实经营权）",
                                EledgerDemoRights.PACKAGE_FROM,
                                EledgerDemoRights.PACKAGE_TO,
                                second));
                created++;
                packages.titleCheck(EledgerDemo.MAKER, b.pkg().id());
            }
        } catch (ApiException e) {
            log.warn("演示资产包未完成 / demo package incomplete in {}: {}", village, e.getMessage());
        }
        return created;
    }

    private boolean isDemoVillage(String village) {
        return jdbc.sql("select exists (select 1 from eledger_party where village_code = ? and kind = 'collective'"
                        + " and created_by = ?)")
                .params(village, EledgerDemoGenerator.DEMO_USER)
                .query(Boolean.class)
                .single();
    }
}
