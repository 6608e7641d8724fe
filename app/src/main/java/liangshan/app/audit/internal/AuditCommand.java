package liangshan.app.audit.internal;

import java.util.Locale;
import liangshan.app.audit.AuditVerification;
import liangshan.app.platform.CliCommand;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** {@code liangshan audit verify}: checks the audit chain; exit code 0 when intact, 1 when broken. */
@Component
@Command(name = "audit", description = "审计日志 / audit log: verify", mixinStandardHelpOptions = true)
public class AuditCommand implements CliCommand {

    private final AuditVerifier verifier;
    private final MessageSource messages;

    AuditCommand(AuditVerifier verifier, MessageSource messages) {
        this.verifier = verifier;
        this.messages = messages;
    }

    @Command(name = "verify", description = "核验审计链 / verify the hash chain")
    public int verify() {
        AuditVerification result = verifier.verify();
        for (Locale locale : new Locale[] {Locale.CHINESE, Locale.ENGLISH}) {
            System.out.println(describe(result, locale));
        }
        return result.intact() ? 0 : 1;
    }

    String describe(AuditVerification result, Locale locale) {
        if (result.intact()) {
            return messages.getMessage(
                    "audit.verify.intact", new Object[] {String.valueOf(result.recordsChecked())}, locale);
        }
        String kind = messages.getMessage("audit.break." + result.breakKind(), null, locale);
        return messages.getMessage(
                "audit.verify.broken",
                new Object[] {String.valueOf(result.firstBrokenSeq()), kind, String.valueOf(result.recordsChecked())},
                locale);
    }
}
