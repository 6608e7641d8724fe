package liangshan.app.eledger.internal;

import static liangshan.app.eledger.internal.RightsRegisterTest.codes;
import static liangshan.app.eledger.internal.RightsRegisterTest.d;
import static liangshan.app.eledger.internal.RightsRegisterTest.doc;
import static liangshan.app.eledger.internal.RightsRegisterTest.sole;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.internal.RightService.RightInput;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.eledger.internal.TransferService.TransferInput;
import liangshan.app.eledger.internal.TransferStore.Transfer;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Transfers: each rejection code, the approval path with maker-checker, the rent schedule, concurrency. */
@IntegrationTest
class TransferTest {

    static final String COUNTY = "330825"; // 龙游县

    @Autowired
    Divisions divisions;

    @Autowired
    ResourceService resources;

    @Autowired
    PartyService parties;

    @Autowired
    RightService rights;

    @Autowired
    RightStore store;

    @Autowired
    TransferService transfers;

    @Autowired
    TransferController controller;

    static Actor actor(String name, Role role, String scope) {
        return new Actor(1, name, Set.of(role), new DataScope(scope));
    }

    /** A parcel with collective ownership and household h's contract right 2010–2040. */
    record Parcel(
            String village,
            Actor clerk,
            String resourceId,
            String collective,
            String household,
            String stranger,
            Row contract) {}

    Parcel parcel(int n, String county) {
        String village = EledgerFixtures.village(divisions, county, n);
        Actor clerk = actor("clerk-" + village, Role.VILLAGE_ACCOUNTANT, village);
        var resource = resources.create(
                clerk,
                village,
                new ResourceRequests.ResourceInput(
                        "田" + n,
                        "farmland",
                        "cultivated",
                        "idle",
                        "",
                        List.of(),
                        tools.jackson.databind.json.JsonMapper.shared()
                                .valueToTree(EledgerFixtures.geoJson(
                                        EledgerFixtures.rectangle(divisions, village, 0, 0, 80, 50))),
                        null,
                        null));
        String collective = parties.create(clerk, village, new PartyService.PartyInput("collective", "村集体", null, null))
                .id();
        String household = parties.create(clerk, village, new PartyService.PartyInput("household", "张三户", null, null))
                .id();
        String stranger = parties.create(clerk, village, new PartyService.PartyInput("household", "李四户", null, null))
                .id();
        Row ownership = rights.create(
                clerk,
                resource.id(),
                new RightInput("ownership", null, null, d("2000-01-01"), null, sole(collective), doc("所有权"), null));
        Row contract = rights.create(
                clerk,
                resource.id(),
                new RightInput(
                        "contract",
                        ownership.rightId(),
                        null,
                        d("2010-01-01"),
                        d("2040-01-01"),
                        sole(household),
                        doc("承包"),
                        null));
        return new Parcel(village, clerk, resource.id(), collective, household, stranger, contract);
    }

    static TransferInput input(Parcel p, String transferor, String from, String to) {
        return new TransferInput(
                p.resourceId(),
                p.contract().rightId(),
                transferor,
                p.collective(),
                d(from),
                d(to),
                "1000.00",
                "5",
                2,
                "03-01",
                "offline",
                "流转合同-" + from,
                null);
    }

    @Test
    void eachRuleHasItsRejectionCode() {
        Parcel p = parcel(0, COUNTY);
        assertThat(codes(() ->
                        transfers.submit(p.clerk(), p.village(), input(p, p.stranger(), "2025-01-01", "2030-01-01"))))
                .containsExactly("eledger.transfer.not-holder");
        assertThat(codes(() ->
                        transfers.submit(p.clerk(), p.village(), input(p, p.household(), "2005-01-01", "2012-01-01"))))
                .containsExactly("eledger.transfer.not-holder");
        assertThat(codes(() ->
                        transfers.submit(p.clerk(), p.village(), input(p, p.household(), "2030-01-01", "2045-01-01"))))
                .containsExactly("eledger.transfer.outlives-right");
        rights.create(
                p.clerk(),
                p.resourceId(),
                new RightInput(
                        "operating",
                        p.contract().rightId(),
                        null,
                        d("2020-01-01"),
                        d("2026-01-01"),
                        sole(p.collective()),
                        doc("旧流转"),
                        null));
        assertThat(codes(() ->
                        transfers.submit(p.clerk(), p.village(), input(p, p.household(), "2025-01-01", "2030-01-01"))))
                .containsExactly("eledger.transfer.overlap");
    }

    @Test
    void approvalPathWithMakerCheckerRegistersTheOperatingRightAndTheRentSchedule() {
        Parcel p = parcel(1, COUNTY);
        Transfer t = transfers.submit(p.clerk(), p.village(), input(p, p.household(), "2026-01-01", "2031-01-01"));
        assertThat(t.steps()).containsExactly("village", "town");
        TransferController.TransferView view = controller.view(t);
        assertThat(view.schedule().stream().map(TransferController.InstalmentView::amountYuan))
                .containsExactly("1000.00", "1000.00", "1050.00", "1050.00", "1102.50");
        assertThat(view.totalRentYuan()).isEqualTo("5202.50");
        assertThat(view.schedule().get(0).dueOn()).isEqualTo("2026-03-01");

        assertThat(codes(() -> transfers.decide(p.clerk(), t.id(), true, null)))
                .containsExactly("eledger.transfer.same-person");
        Actor checker = actor("checker-" + p.village(), Role.VILLAGE_ACCOUNTANT, p.village());
        assertThat(transfers.decide(checker, t.id(), true, "村审核通过").stepIndex()).isEqualTo(1);
        assertThat(codes(() -> transfers.decide(checker, t.id(), true, null)))
                .containsExactly("eledger.transfer.not-your-step");
        Actor town =
                actor("town-" + p.village(), Role.COUNTY_OFFICER, p.village().substring(0, 9));
        Transfer done = transfers.decide(town, t.id(), true, "镇审批通过");
        assertThat(done.status()).isEqualTo("approved");
        List<Row> operating =
                store.asOf(p.village(), p.resourceId(), "operating", d("2028-06-01"), rights.now(), 10, 0);
        assertThat(operating).hasSize(1);
        assertThat(operating.get(0).rightId()).isEqualTo(done.operatingRightId());
        assertThat(operating.get(0).holders().get(0).partyId()).isEqualTo(p.collective());
        assertThat(operating.get(0).validTo()).isEqualTo(d("2031-01-01"));
        assertThat(codes(() -> transfers.decide(town, t.id(), true, null)))
                .containsExactly("eledger.transfer.not-pending");
    }

    @Test
    void twoConcurrentTransfersOfTheSameParcelAndPeriodExactlyOneSucceeds() throws Exception {
        String county = "330803"; // 衢江区: a one-step path for this test
        transfers.setPath(actor("city", Role.CITY_ADMIN, "3308"), county, List.of("village"));
        for (int round = 0; round < 3; round++) {
            Parcel p = parcel(round, county);
            Transfer a = transfers.submit(p.clerk(), p.village(), input(p, p.household(), "2026-01-01", "2036-01-01"));
            Transfer b = transfers.submit(p.clerk(), p.village(), input(p, p.household(), "2030-01-01", "2032-01-01"));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> results = new ArrayList<>();
            for (Transfer t : List.of(a, b)) {
                Actor approver = actor("approver-" + t.id(), Role.VILLAGE_ACCOUNTANT, p.village());
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return transfers.decide(approver, t.id(), true, null).status();
                    } catch (ApiException e) {
                        return e.code();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            pool.shutdown();
            assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("approved", "eledger.transfer.overlap");
            assertThat(store.asOf(p.village(), p.resourceId(), "operating", d("2031-01-01"), rights.now(), 10, 0))
                    .hasSize(1);
        }
    }
}
