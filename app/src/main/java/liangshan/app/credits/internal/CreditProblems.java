package liangshan.app.credits.internal;

import java.util.Locale;
import liangshan.app.web.ApiException;
import liangshan.ledger.credits.CreditCode;
import liangshan.ledger.credits.CreditOutcome;
import org.springframework.http.HttpStatus;

/**
 * The registry core's result codes as problems: {@code CreditCode.PENDING_NOT_RETIRABLE} → {@code
 * credits.pending-not-retirable}, with the zh/en message {@code problem.credits.<code>} in {@code
 * i18n/credits_*.properties} (the same texts as the core's bundles; {@code CreditsMessagesTest} checks that
 * every code has one). Not-found codes are 404, malformed amounts 400, everything else 409.
 */
final class CreditProblems {

    private CreditProblems() {}

    static String code(CreditCode c) {
        return "credits." + c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static HttpStatus status(CreditCode c) {
        if (c.name().endsWith("_NOT_FOUND")) {
            return HttpStatus.NOT_FOUND;
        }
        return switch (c) {
            case AMOUNT_INVALID, MILESTONES_INVALID, RETIREMENT_DETAILS_MISSING -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.CONFLICT;
        };
    }

    static ApiException of(CreditOutcome o) {
        Object arg = o.ledgerCode() == null ? "" : o.ledgerCode().name();
        return new ApiException(status(o.code()), code(o.code()), arg);
    }
}
