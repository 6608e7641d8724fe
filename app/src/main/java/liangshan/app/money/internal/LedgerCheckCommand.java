package liangshan.app.money.internal;

import java.io.PrintStream;
import java.util.List;
import liangshan.app.platform.CliCommand;
import liangshan.ledger.InMemoryLedgerState;
import liangshan.ledger.LedgerInvariants;
import liangshan.ledger.LedgerInvariants.Violation;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/**
 * {@code liangshan ledger check}: the global invariants of {@link LedgerInvariants} over the stored ledger,
 * read as one consistent snapshot: Σ debits = Σ credits per asset (posted and pending), every account's
 * balances equal the sums of its transfers, no flagged account over its limit (pending included), every
 * pending transfer resolved at most once and its status agreeing with the journal, every reversal linked
 * to and mirroring the transfer it corrects. Exit 0 when sound; 1 with one line per violation otherwise.
 */
@Component
@Command(
        name = "ledger check",
        description = "台账全局校验 / check the ledger's global invariants",
        mixinStandardHelpOptions = true)
class LedgerCheckCommand implements CliCommand {

    private final PgLedger ledger;
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;

    LedgerCheckCommand(PgLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Integer call() {
        InMemoryLedgerState snapshot = ledger.snapshot();
        List<Violation> violations = LedgerInvariants.check(snapshot);
        long accounts = snapshot.accounts().count();
        long transfers = snapshot.transfers().count();
        if (violations.isEmpty()) {
            stdout.println("台账无误 / ledger sound: " + accounts + " 个账户 / accounts, " + transfers + " 笔转账 / transfers");
            return 0;
        }
        stderr.println("台账有 " + violations.size() + " 处违规 / ledger has " + violations.size() + " violation(s):");
        for (Violation v : violations) {
            stderr.println("  [" + v.rule() + "] " + v.detail());
        }
        return 1;
    }
}
