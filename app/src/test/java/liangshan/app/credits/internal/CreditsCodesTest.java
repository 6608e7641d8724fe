package liangshan.app.credits.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import liangshan.kernel.money.Money;
import liangshan.ledger.credits.BlockState;
import liangshan.ledger.credits.CountyPool;
import liangshan.ledger.credits.CreditCode;
import liangshan.ledger.credits.CreditCommand;
import liangshan.ledger.credits.CreditParty;
import liangshan.ledger.credits.CreditProject;
import liangshan.ledger.credits.LandClaim;
import liangshan.ledger.credits.Milestone;
import liangshan.ledger.credits.ProjectKind;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * Every registry result code has a zh and an en problem message; codes map to the right HTTP status; every
 * kind of registry command survives the JSON round trip of {@code credit_command} unchanged (the replay
 * that rebuilds the registry depends on it), with the same {@code toString} (part of the history hash).
 */
class CreditsCodesTest {

    private static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(
                CreditsCodesTest.class.getResourceAsStream("/i18n/credits_" + lang + ".properties"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyRegistryCodeHasAProblemMessageInBothLanguages() throws IOException {
        Properties zh = bundle("zh");
        Properties en = bundle("en");
        List<String> missing = new ArrayList<>();
        for (CreditCode c : CreditCode.values()) {
            if (c == CreditCode.OK) {
                continue;
            }
            String key = "problem." + CreditProblems.code(c);
            if (!zh.containsKey(key) || !en.containsKey(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(CreditProblems.code(CreditCode.PENDING_NOT_RETIRABLE)).isEqualTo("credits.pending-not-retirable");
        assertThat(CreditProblems.status(CreditCode.LISTING_NOT_FOUND)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(CreditProblems.status(CreditCode.AMOUNT_INVALID)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(CreditProblems.status(CreditCode.INSUFFICIENT_CREDITS)).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void everyCommandKindSurvivesTheJsonRoundTrip() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000007");
        UUID cash = UUID.fromString("00000000-0000-0000-0000-000000000009");
        List<CreditCommand> commands = List.of(
                new CreditCommand.OpenAccount(id, CreditParty.single("P1", "330824", ProjectKind.VILLAGE, cash)),
                new CreditCommand.ConfigurePool(id, new CountyPool("330824", "POOL-330824", 5000, cash)),
                new CreditCommand.RegisterProject(
                        id,
                        new CreditProject(
                                "RP1",
                                ProjectKind.VILLAGE,
                                "330824",
                                "P1",
                                "footprint:RP1",
                                new LandClaim(
                                        Set.of("b", "a", "c"), LocalDate.of(2026, 1, 1), LocalDate.of(2030, 1, 1)),
                                null,
                                "v1",
                                false)),
                new CreditCommand.CreateBatch(
                        id, "B1", "RP1", 2025, "v1", "quzhou-2025-v1", 1000, List.of(new Milestone("a.done", 1000))),
                new CreditCommand.RecordVerification(id, "V1", "B1", "a.done", "u", "YS-1", true),
                new CreditCommand.ProposeRelease(id, "R1", "B1", "a.done", "maker"),
                new CreditCommand.ApproveRelease(id, "R1", "checker"),
                new CreditCommand.Transfer(id, "P1", "P2", 10, 0, "gift"),
                new CreditCommand.ListCredits(id, "L1", "P1", 10, 8000, "v1"),
                new CreditCommand.Delist(id, "L1", "P1"),
                new CreditCommand.Buy(id, "L1", "P2", 10, cash),
                new CreditCommand.BuyAndRetire(id, "L1", "P2", 10, cash, "OB1", "P2", "market purchase L1"),
                new CreditCommand.PlaceBid(id, "BD1", "P2", 10, 8000, cash, "v1"),
                new CreditCommand.AcceptBid(id, "BD1", "P1", 10),
                new CreditCommand.WithdrawBid(id, "BD1", "P2"),
                new CreditCommand.RegisterObligation(
                        id, "OB1", "DP1", "P2", "330824", Money.ofFen(191035), "v1", "quzhou-2025-v1", null),
                new CreditCommand.Retire(id, "P2", 10, "OB1", "P2", "self-balance"),
                new CreditCommand.BuyFromPool(id, "OB1", "P2", 10, cash),
                new CreditCommand.SettlePoolLiabilities(id, "330824"),
                new CreditCommand.Cancel(id, "P1", "B1", BlockState.PENDING, 10, "not achieved"));
        assertThat(commands.stream().map(CommandCodec::kind).distinct())
                .hasSize(CreditCommand.class.getPermittedSubclasses().length);
        for (CreditCommand c : commands) {
            CreditCommand back = CommandCodec.decode(CommandCodec.kind(c), CommandCodec.encode(c));
            assertThat(back).isEqualTo(c);
            assertThat(back.toString()).isEqualTo(c.toString());
        }
        assertThat(Amounts.yuan(-191035)).isEqualTo("-1910.35");
        assertThat(new BigDecimal(Amounts.credits(1_910_350))).isEqualByComparingTo("1910.35");
    }
}
