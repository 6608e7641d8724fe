package liangshan.app.eledger.internal;

import static liangshan.app.eledger.internal.RightsRegisterTest.codes;
import static liangshan.app.eledger.internal.RightsRegisterTest.d;
import static liangshan.app.eledger.internal.RightsRegisterTest.doc;
import static liangshan.app.eledger.internal.RightsRegisterTest.sole;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.internal.RightService.RightInput;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.eledger.internal.TransferService.TransferInput;
import liangshan.app.eledger.internal.TransferStore.Transfer;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import liangshan.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A pledged right is transferred only with the pledgee's consent; the title check sees a bypassed contract. */
@IntegrationTest
class PledgeConsentTest {

    static final String COUNTY = "330802"; // 柯城区

    @Autowired
    Divisions divisions;

    @Autowired
    ResourceService resources;

    @Autowired
    PartyService parties;

    @Autowired
    RightService rights;

    @Autowired
    TransferService transfers;

    @Autowired
    TransferStore transferStore;

    @Autowired
    PackageService packages;

    @Autowired
    LedgerExport exports;

    static Actor actor(String name, Role role, String scope) {
        return new Actor(1, name, Set.of(role), new DataScope(scope));
    }

    record Parcel(
            String village,
            Actor clerk,
            String resourceId,
            String collective,
            String household,
            String bank,
            Row ownership,
            Row contract) {}

    Parcel parcel(int n, double dx) {
        String village = EledgerFixtures.village(divisions, COUNTY, n);
        Actor clerk = actor("clerk-" + village, Role.VILLAGE_ACCOUNTANT, village);
        String resource = resources
                .create(
                        clerk,
                        village,
                        new ResourceRequests.ResourceInput(
                                "押田" + dx,
                                "farmland",
                                "cultivated",
                                "idle",
                                "",
                                List.of(),
                                tools.jackson.databind.json.JsonMapper.shared()
                                        .valueToTree(EledgerFixtures.geoJson(
                                                EledgerFixtures.rectangle(divisions, village, dx, 0, 20, 20))),
                                null,
                                null))
                .id();
        String collective = parties.create(
                        clerk, village, new PartyService.PartyInput("collective", "押村集体", null, null))
                .id();
        String household = parties.create(clerk, village, new PartyService.PartyInput("household", "押户", null, null))
                .id();
        String bank = parties.create(clerk, village, new PartyService.PartyInput("enterprise", "农商银行", null, null))
                .id();
        Row ownership = rights.create(
                clerk,
                resource,
                new RightInput("ownership", null, null, d("2000-01-01"), null, sole(collective), doc("押所有"), null));
        Row contract = rights.create(
                clerk,
                resource,
                new RightInput(
                        "contract",
                        ownership.rightId(),
                        null,
                        d("2010-01-01"),
                        d("2040-01-01"),
                        sole(household),
                        doc("押承包"),
                        null));
        return new Parcel(village, clerk, resource, collective, household, bank, ownership, contract);
    }

    static TransferInput input(Parcel p, String from, String to, RightStore.Source consent) {
        return new TransferInput(
                p.resourceId(),
                p.contract().rightId(),
                p.household(),
                p.collective(),
                d(from),
                d(to),
                "900.00",
                "0",
                1,
                "06-30",
                "offline",
                "押流转-" + from,
                null,
                consent);
    }

    @Test
    void aPledgedRightNeedsThePledgeesConsentOnApplicationAndAtTheFinalApproval() {
        Parcel p = parcel(6, 0);
        rights.create(
                p.clerk(),
                p.resourceId(),
                new RightInput(
                        "pledge",
                        p.contract().rightId(),
                        1,
                        d("2024-01-01"),
                        d("2029-01-01"),
                        sole(p.bank()),
                        doc("质押登记"),
                        null));
        // a term after the pledge ends needs no consent
        Transfer later = transfers.submit(p.clerk(), p.village(), input(p, "2030-01-01", "2032-01-01", null));
        assertThat(later.status()).isEqualTo("pending");
        assertThat(codes(() -> transfers.submit(p.clerk(), p.village(), input(p, "2026-01-01", "2028-01-01", null))))
                .containsExactly("eledger.transfer.pledge-no-consent");
        RightStore.Source incomplete = new RightStore.Source("consent", "", "农商银行", d("2025-12-01"), null);
        assertThat(codes(() ->
                        transfers.submit(p.clerk(), p.village(), input(p, "2026-01-01", "2028-01-01", incomplete))))
                .containsExactly("eledger.transfer.pledge-no-consent");
        RightStore.Source consent = new RightStore.Source("consent", "质权人同意书-7", "农商银行", d("2025-12-01"), null);
        Transfer t = transfers.submit(p.clerk(), p.village(), input(p, "2026-01-01", "2028-01-01", consent));
        assertThat(transferStore.consent(t.id())).contains(consent);
        Actor checker = actor("chk-" + p.village(), Role.VILLAGE_ACCOUNTANT, p.village());
        transfers.decide(checker, t.id(), true, null);
        Actor town =
                actor("town-" + p.village(), Role.COUNTY_OFFICER, p.village().substring(0, 9));
        assertThat(transfers.decide(town, t.id(), true, null).status()).isEqualTo("approved");

        // a pledge registered after an application without consent stops its final approval
        Parcel q = parcel(7, 0);
        Transfer pending = transfers.submit(q.clerk(), q.village(), input(q, "2026-01-01", "2028-01-01", null));
        rights.create(
                q.clerk(),
                q.resourceId(),
                new RightInput(
                        "mortgage",
                        q.contract().rightId(),
                        1,
                        d("2025-01-01"),
                        d("2027-01-01"),
                        sole(q.bank()),
                        doc("抵押登记"),
                        null));
        Actor qChecker = actor("chk-" + q.village(), Role.VILLAGE_ACCOUNTANT, q.village());
        transfers.decide(qChecker, pending.id(), true, null);
        Actor qTown =
                actor("town-" + q.village(), Role.COUNTY_OFFICER, q.village().substring(0, 9));
        assertThat(codes(() -> transfers.decide(qTown, pending.id(), true, null)))
                .containsExactly("eledger.transfer.pledge-no-consent");
    }

    @Test
    void theTitleCheckFlagsAnOperatingRightGrantedFromOwnershipOnAContractedParcel() throws java.io.IOException {
        Parcel p = parcel(6, 25);
        rights.create(
                p.clerk(),
                p.resourceId(),
                new RightInput(
                        "operating",
                        p.ownership().rightId(),
                        null,
                        d("2026-01-01"),
                        d("2036-01-01"),
                        sole(p.collective()),
                        doc("直设经营"),
                        null));
        PackageService.PackageView pkg = packages.create(
                p.clerk(),
                p.village(),
                new PackageService.PackageInput("绕过承包包", d("2026-01-01"), d("2030-01-01"), List.of(p.resourceId())));
        PackageService.TitleCheck check =
                packages.titleCheck(p.clerk(), pkg.pkg().id());
        assertThat(check.clear()).isFalse();
        assertThat(check.problems().stream().map(PackageService.Problem::code))
                .containsExactly("eledger.title.operating-bypasses-contract");
        // the package export lists the same problem and the status history
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                exports.pkg(p.clerk(), pkg.pkg().id())))) {
            var problems = wb.getSheet("产权核查问题");
            assertThat(problems.getLastRowNum()).isEqualTo(1);
            assertThat(problems.getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("eledger.title.operating-bypasses-contract");
            assertThat(wb.getSheet("状态记录").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("draft");
            assertThat(wb.getSheet("资源").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo(p.resourceId());
        }

        // the same operating right on a parcel without a contract right is fine
        Parcel free = parcel(7, 25);
        rights.amend(
                free.clerk(),
                free.contract().rightId(),
                new RightService.AmendInput(d("2010-01-01"), d("2020-01-01"), null, doc("承包终止"), null));
        rights.create(
                free.clerk(),
                free.resourceId(),
                new RightInput(
                        "operating",
                        free.ownership().rightId(),
                        null,
                        d("2026-01-01"),
                        d("2036-01-01"),
                        sole(free.collective()),
                        doc("直设经营2"),
                        null));
        PackageService.PackageView ok = packages.create(
                free.clerk(),
                free.village(),
                new PackageService.PackageInput("无承包包", d("2026-01-01"), d("2030-01-01"), List.of(free.resourceId())));
        assertThat(packages.titleCheck(free.clerk(), ok.pkg().id()).problems()).isEmpty();
    }
}
