package liangshan.app.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liangshan.app.distribution.internal.RegisterService.HouseholdInput;
import liangshan.app.distribution.internal.RegisterService.RegisterInput;
import liangshan.app.distribution.internal.RunService.RunInput;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.money.MoneyLedger;
import liangshan.app.support.CrashChild;
import liangshan.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * kill -9 during a distribution post: a child JVM running the real application ({@link RunCrashChild})
 * posts {@value #RUNS} approved runs of {@value #HOUSEHOLDS} households each and is killed (SIGKILL) while
 * its 3rd post is under way. Afterwards each run is either posted with every transfer or approved with
 * none; posting all runs again (here, after "restart") posts each missing one exactly once and nothing twice.
 */
@IntegrationTest
class RunCrashTest {

    static final int RUNS = 6;
    static final int HOUSEHOLDS = 1_500;

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RegisterService registers;

    @Autowired
    RunService runs;

    @Autowired
    RunPoster poster;

    @Autowired
    LeaseService leases;

    @Autowired
    MoneyLedger money;

    @Test
    void aRunKilledMidPostIsAllOrNothingAndPostingAgainPostsNothingTwice() throws Exception {
        String county = "330824"; // 开化县
        String village = DistributionFixtures.village(divisions, county, 1, 0);
        Actor clerk = DistributionFixtures.actor("crash-clerk-" + village, Role.VILLAGE_ACCOUNTANT, village);
        Actor officer = DistributionFixtures.actor("crash-officer-" + village, Role.COUNTY_OFFICER, county);
        Actor coop = DistributionFixtures.actor("crash-coop-" + village, Role.COOPERATIVE_OPERATOR, county);
        List<String> ids = prepareRuns(village, clerk, officer, coop);

        List<String> args = new ArrayList<>(List.of(clerk.username(), village));
        args.addAll(ids);
        CrashChild.killAfter(RunCrashChild.class, "begin 2", 50, 150, args.toArray(String[]::new));

        int posted = 0;
        for (String id : ids) {
            RunView run = runs.get(clerk, id);
            long stored = storedTransfers(id);
            if (run.status().equals("posted")) {
                posted++;
                assertThat(stored).as("posted run %s has every transfer", id).isEqualTo(expectedTransfers(id));
            } else {
                assertThat(run.status()).isEqualTo("approved");
                assertThat(stored).as("unposted run %s has no transfer", id).isZero();
            }
        }
        assertThat(posted)
                .as("the kill came after some posts and before the last")
                .isBetween(2, RUNS - 1);

        for (String id : ids) {
            assertThat(poster.post(clerk, id).status()).isEqualTo("posted");
            assertThat(poster.post(clerk, id).status()).isEqualTo("posted");
        }
        Map<String, Long> expected = new HashMap<>();
        for (String id : ids) {
            assertThat(storedTransfers(id)).isEqualTo(expectedTransfers(id));
            for (RunView.LineView l : runs.lines(clerk, id, liangshan.app.web.PageRequest.of(0, 500))
                    .items()) {
                expected.merge(l.partyId(), Amounts.fenOf(l.amountYuan()), Long::sum);
            }
        }
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            UUID account = DistributionAccounts.householdId(e.getKey());
            assertThat(money.balances(List.of(account)).get(account).postedFen())
                    .as("household %s got each line once", e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    /** {@value #HOUSEHOLDS} households, a funded village and {@value #RUNS} approved runs. */
    private List<String> prepareRuns(String village, Actor clerk, Actor officer, Actor coop) {
        List<HouseholdInput> register = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            String id = "C"
                    + UUID.randomUUID()
                            .toString()
                            .replace("-", "")
                            .substring(0, 25)
                            .toUpperCase();
            rows.add(new Object[] {id, village, "户" + i, OffsetDateTime.now(ZoneOffset.UTC)});
            register.add(new HouseholdInput(id, 1L + (i * 7919L) % 97, i % 11 == 0));
        }
        jdbc.batchUpdate(
                "insert into eledger_party (id, village_code, kind, name, created_by, created_at)"
                        + " values (?, ?, 'household', ?, 'fixture', ?)",
                rows);
        registers.replace(clerk, village, new RegisterInput(register));
        String pkg = DistributionFixtures.leasedPackage(jdbc, village);
        LeaseView lease = DistributionFixtures.approvedLease(
                leases, coop, new LeaseService.LeaseInput(pkg, "KH-1", "90000.00", "0", 1, "06-30", null));
        leases.pay(coop, lease.id(), 1, null);
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < RUNS; k++) {
            RunView run = runs.preview(clerk, village, new RunInput("2026", "1234.5" + k, "5", null, null, null, null));
            runs.approve(officer, run.id(), null);
            ids.add(run.id());
        }

        return ids;
    }

    private long storedTransfers(String runId) {
        return jdbc.queryForObject(
                "select count(*) from ledger_transfer where result = 'OK' and refs like ?",
                Long.class,
                "%" + runId + "%");
    }

    private long expectedTransfers(String runId) {
        return jdbc.queryForObject(
                "select count(*) + 1 from dist_run_line where run_id = ? and transfer_id is not null",
                Long.class,
                runId);
    }
}
