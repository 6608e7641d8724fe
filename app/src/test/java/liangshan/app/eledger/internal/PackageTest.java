package liangshan.app.eledger.internal;

import static liangshan.app.eledger.internal.RightsRegisterTest.codes;
import static liangshan.app.eledger.internal.RightsRegisterTest.d;
import static liangshan.app.eledger.internal.RightsRegisterTest.doc;
import static liangshan.app.eledger.internal.RightsRegisterTest.sole;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.internal.RightService.AmendInput;
import liangshan.app.eledger.internal.RightService.RightInput;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import liangshan.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Packages: area by type, a title check listing every blocking problem, the status path with maker-checker. */
@IntegrationTest
class PackageTest {

    static final String COUNTY = "330822"; // 常山县

    @Autowired
    Divisions divisions;

    @Autowired
    ResourceService resources;

    @Autowired
    PartyService parties;

    @Autowired
    RightService rights;

    @Autowired
    PackageService packages;

    private String resource(Actor clerk, String village, String type, String subtype, double dx) {
        return resources
                .create(
                        clerk,
                        village,
                        new ResourceRequests.ResourceInput(
                                type + dx,
                                type,
                                subtype,
                                "idle",
                                "",
                                List.of(),
                                tools.jackson.databind.json.JsonMapper.shared()
                                        .valueToTree(EledgerFixtures.geoJson(
                                                EledgerFixtures.rectangle(divisions, village, dx, 0, 40, 25))),
                                null,
                                null))
                .id();
    }

    record Fixture(
            String village,
            Actor clerk,
            String a,
            String b,
            String household,
            String coop,
            Row pledge,
            Row ownB,
            PackageService.PackageView pkg) {}

    Fixture fixture(int n) {
        String village = EledgerFixtures.village(divisions, COUNTY, n);
        Actor clerk = new Actor(1, "pkg-clerk-" + village, Set.of(Role.VILLAGE_ACCOUNTANT), new DataScope(village));
        String a = resource(clerk, village, "farmland", "cultivated", 0);
        String b = resource(clerk, village, "forest", "bamboo", 100);
        String collective = parties.create(clerk, village, new PartyService.PartyInput("collective", "村集体", null, null))
                .id();
        String household = parties.create(clerk, village, new PartyService.PartyInput("household", "王五户", null, null))
                .id();
        String coop = parties.create(clerk, village, new PartyService.PartyInput("cooperative", "两山合作社", null, null))
                .id();
        Row ownA = rights.create(
                clerk,
                a,
                new RightInput("ownership", null, null, d("2000-01-01"), null, sole(collective), doc("A"), null));
        Row contract = rights.create(
                clerk,
                a,
                new RightInput(
                        "contract",
                        ownA.rightId(),
                        null,
                        d("2010-01-01"),
                        d("2040-01-01"),
                        sole(household),
                        doc("A承包"),
                        null));
        Row operating = rights.create(
                clerk,
                a,
                new RightInput(
                        "operating",
                        contract.rightId(),
                        null,
                        d("2020-01-01"),
                        d("2035-01-01"),
                        sole(collective),
                        doc("A流转"),
                        null));
        Row pledge = rights.create(
                clerk,
                a,
                new RightInput(
                        "pledge",
                        operating.rightId(),
                        1,
                        d("2024-01-01"),
                        d("2027-01-01"),
                        sole(coop),
                        doc("A质押"),
                        null));
        Row ownB = rights.create(
                clerk,
                b,
                new RightInput("ownership", null, null, d("2000-01-01"), null, sole(collective), doc("B"), null));
        var pkg = packages.create(
                clerk,
                village,
                new PackageService.PackageInput("竹林田园包", d("2025-01-01"), d("2030-01-01"), List.of(a, b)));
        return new Fixture(village, clerk, a, b, household, coop, pledge, ownB, pkg);
    }

    @Test
    void titleCheckListsEveryBlockingProblem() {
        Fixture f = fixture(6);
        var pkg = f.pkg();
        assertThat(pkg.areaByType()).extracting(PackageService.TypeArea::type).containsExactly("farmland", "forest");
        assertThat(pkg.totalAreaM2())
                .isEqualByComparingTo(pkg.areaByType()
                        .get(0)
                        .areaM2()
                        .add(pkg.areaByType().get(1).areaM2()));
        assertThat(codes(() -> packages.create(
                        f.clerk(),
                        f.village(),
                        new PackageService.PackageInput("重复", d("2029-01-01"), d("2031-01-01"), List.of(f.b())))))
                .containsExactly("eledger.package.invalid");
        var check = packages.titleCheck(f.clerk(), pkg.pkg().id());
        assertThat(check.clear()).isFalse();
        assertThat(check.problems())
                .containsExactlyInAnyOrder(
                        new PackageService.Problem(f.a(), "eledger.title.encumbered"),
                        new PackageService.Problem(f.b(), "eledger.title.operating-not-secured"));
        assertThat(check.pkg().pkg().status()).isEqualTo("draft");
        assertThat(codes(() -> packages.advance(f.clerk(), pkg.pkg().id(), "offered", null)))
                .containsExactly("eledger.package.bad-transition");
    }

    @Test
    void aClearTitleIsOfferedAndLeasedToTheCooperativeByASecondPerson() {
        Fixture f = fixture(5);
        String id = f.pkg().pkg().id();
        Actor clerk = f.clerk();
        rights.amend(
                clerk, f.pledge().rightId(), new AmendInput(d("2024-01-01"), d("2024-12-31"), null, doc("解押"), null));
        rights.create(
                clerk,
                f.b(),
                new RightInput(
                        "operating",
                        f.ownB().rightId(),
                        null,
                        d("2021-01-01"),
                        d("2031-01-01"),
                        sole(f.coop()),
                        doc("B经营"),
                        null));
        var clear = packages.titleCheck(clerk, id);
        assertThat(clear.problems()).isEmpty();
        assertThat(clear.pkg().pkg().status()).isEqualTo("title_checked");
        assertThat(packages.advance(clerk, id, "offered", null).pkg().status()).isEqualTo("offered");
        assertThat(codes(() -> packages.advance(clerk, id, "leased", f.coop())))
                .containsExactly("eledger.package.same-person");
        Actor county = new Actor(2, "pkg-county-" + f.village(), Set.of(Role.COUNTY_OFFICER), new DataScope(COUNTY));
        assertThat(codes(() -> packages.advance(county, id, "leased", f.household())))
                .containsExactly("eledger.package.lessee-not-cooperative");
        var leased = packages.advance(county, id, "leased", f.coop());
        assertThat(leased.pkg().status()).isEqualTo("leased");
        assertThat(leased.pkg().lesseePartyId()).isEqualTo(f.coop());
    }
}
