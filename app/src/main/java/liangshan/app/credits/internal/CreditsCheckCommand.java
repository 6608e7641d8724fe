package liangshan.app.credits.internal;

import java.io.PrintStream;
import liangshan.app.platform.CliCommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/**
 * {@code liangshan credits check}: audits the stored eco-credit registry ({@link CreditsCheck}) — rebuilt
 * from the committed commands, the history hash chain, the 12 invariants, PostgreSQL's credit tables and the
 * money ledger's ECO_CREDIT balances against the registry. Read-only, one snapshot: against an external
 * database it may run beside the server (the embedded one needs the server stopped). The database is the
 * server's: {@code --liangshan.data-dir=DIR} (or {@code --data DIR}) for the embedded one,
 * {@code --spring.datasource.url=…} for an external one. Exit 0 when clean, 1 with one line per finding, 2
 * on bad usage.
 */
@Component
@Command(
        name = "credits check",
        description = "生态积分登记簿校验 / audit the eco-credit registry against the database and the ledger",
        mixinStandardHelpOptions = true)
class CreditsCheckCommand implements CliCommand {

    private final CreditsCheck check;
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;

    CreditsCheckCommand(CreditsCheck check) {
        this.check = check;
    }

    @Override
    public Integer call() {
        CreditsCheck.Report r = check.run();
        String counts = r.commands() + " 条指令 / commands, " + r.history() + " 条历史 / history entries, " + r.register()
                + " 条公示 / register lines";
        if (r.clean()) {
            stdout.println("生态积分登记簿无误 / eco-credit registry clean: " + counts
                    + "; 哈希链、12 项不变量、数据表与台账余额一致 / hash chain, 12 invariants, tables and ledger"
                    + " balances agree");
            return 0;
        }
        stderr.println("生态积分登记簿有 " + r.findings().size() + " 处问题 / eco-credit registry has "
                + r.findings().size() + " finding(s) (" + counts + "):");
        for (String f : r.findings()) {
            stderr.println("  " + f);
        }
        return 1;
    }
}
