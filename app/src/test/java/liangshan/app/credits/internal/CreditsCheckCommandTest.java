package liangshan.app.credits.internal;

import static liangshan.app.credits.internal.CreditsFixtures.ADMIN;
import static liangshan.app.credits.internal.CreditsFixtures.COUNTY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import liangshan.app.money.MoneyLedger;
import liangshan.app.platform.DataDirectory;
import liangshan.app.support.IntegrationTest;
import liangshan.ledger.credits.CreditUnits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;

/**
 * {@code liangshan credits check} through picocli, as the launcher runs it, over the shared test database
 * after a purchase with retirement: clean (exit 0); a tampered development row, history payload, ledger
 * balance or register line is found (exit 1, naming it); bad usage exits 2. Tampering happens in a transaction that is rolled
 * back, so other tests never see it.
 */
@IntegrationTest
class CreditsCheckCommandTest {

    @Autowired
    CreditsCheckCommand command;

    @Autowired
    PartyService parties;

    @Autowired
    ReserveService reserve;

    @Autowired
    DevelopmentService developments;

    @Autowired
    MarketService market;

    @Autowired
    DataDirectory data;

    @Autowired
    MoneyLedger money;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    RegistryHost host;

    String development;
    String obligation;
    String buyer;

    @BeforeEach
    void settleOnePurchaseWithRetirement() {
        CreditsFixtures.Landscape land = CreditsFixtures.landscape(data);
        CreditsFixtures.policy(parties);
        CreditsFixtures.pool(parties, COUNTY);
        String seller = CreditsFixtures.party(parties, COUNTY, "village_collective");
        CreditsFixtures.issued(reserve, land, COUNTY, "village", seller, 0);
        String listing =
                (String) market.list(ADMIN, new MarketService.ListingInput(seller, "1.000", "70.00"), UUID.randomUUID())
                        .get("id");
        buyer = CreditsFixtures.party(parties, COUNTY, "enterprise");
        Map<String, Object> dev = CreditsFixtures.development(developments, land, COUNTY, buyer, 3, 1);
        development = (String) dev.get("id");
        obligation = (String) ((Map<?, ?>) dev.get("obligation")).get("id");
        CreditsFixtures.fund(money, buyer, 1_000_000);
        market.purchase(
                ADMIN,
                listing,
                new MarketService.PurchaseInput(buyer, CreditUnits.format(500), obligation),
                UUID.randomUUID());
    }

    private String run(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(captured, true, StandardCharsets.UTF_8);
        command.stdout = stream;
        command.stderr = stream;
        try {
            int exit = new CommandLine(command).execute(args);
            return exit + ":" + captured.toString(StandardCharsets.UTF_8);
        } finally {
            command.stdout = System.out;
            command.stderr = System.err;
        }
    }

    /** Runs the check inside a transaction that first applies {@code tamper}, then rolls everything back. */
    private String tampered(String... tamper) {
        return new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            for (String sql : tamper) {
                jdbc.update(sql);
            }
            return run();
        });
    }

    @Test
    void aCleanDatabasePassesEveryCheck() {
        String output = run();
        assertThat(output).as(output).startsWith("0:").contains("无误 / eco-credit registry clean");
    }

    @Test
    void aTamperedDevelopmentRowIsFound() {
        String output =
                tampered("update credit_development set delta_fen = delta_fen - 7 where id = '" + development + "'");
        assertThat(output)
                .startsWith("1:")
                .contains("义务 / obligation " + obligation + ": 开发项目表与登记簿不符")
                .contains("1 处问题 / eco-credit registry has 1 finding(s)");
        assertThat(run()).as("the tampering was rolled back").startsWith("0:");
    }

    @Test
    void aTamperedHistoryPayloadBreaksTheHashChain() {
        String output = tampered(
                "alter table credit_history disable trigger credit_history_append_only",
                "update credit_history set payload = payload || ' ' where sequence = (select max(sequence)"
                        + " from credit_history)");
        assertThat(output)
                .startsWith("1:")
                .contains("历史哈希链 / history hash chain")
                .contains("differs from the rebuilt");
    }

    @Test
    void aTamperedLedgerBalanceOrRegisterLineIsFound() {
        UUID retired = host.read(r -> r.accounts().retired());
        String ledger = tampered(
                "update ledger_balance set credits_posted = credits_posted + 3 where account_id = '" + retired + "'");
        assertThat(ledger)
                .startsWith("1:")
                .contains("不变量 / invariant 2: ledger account")
                .contains("registry says");
        String register = tampered(
                "alter table credit_register disable trigger credit_register_append_only",
                "update credit_register set units = units + 1 where obligation_id = '" + obligation + "'");
        assertThat(register).startsWith("1:").contains("公示 / register").contains("differs from the registry");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("--no-such-option")).startsWith("2:");
    }
}
