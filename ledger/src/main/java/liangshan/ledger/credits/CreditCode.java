package liangshan.ledger.credits;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The stable answer of every registry command, with a zh and an en message ({@link #message(Locale)}).
 * Every answer, including rejections, is remembered under the command's request id and replayed on retry.
 */
public enum CreditCode {
    OK,
    REQUEST_ID_REUSED,
    POLICY_NOT_FOUND,
    AMOUNT_INVALID,
    PARTY_EXISTS,
    PARTY_NOT_FOUND,
    POOL_EXISTS,
    POOL_NOT_FOUND,
    PROJECT_EXISTS,
    PROJECT_NOT_FOUND,
    LAND_OVERLAP,
    GOVERNMENT_PROJECT_OWNER_NOT_POOL,
    BATCH_EXISTS,
    BATCH_NOT_FOUND,
    MILESTONES_INVALID,
    MILESTONE_NOT_FOUND,
    VERIFICATION_EXISTS,
    PROPOSAL_EXISTS,
    PROPOSAL_NOT_FOUND,
    PROPOSAL_ALREADY_APPROVED,
    VERIFICATION_MISSING,
    MAKER_CHECKER_SAME_PERSON,
    NOTHING_TO_RELEASE,
    INSUFFICIENT_CREDITS,
    SAME_PARTY,
    LISTING_EXISTS,
    LISTING_NOT_FOUND,
    LISTING_CLOSED,
    NOT_LISTING_SELLER,
    EXCEEDS_LISTING,
    BID_EXISTS,
    BID_NOT_FOUND,
    BID_CLOSED,
    NOT_BID_BUYER,
    EXCEEDS_BID,
    OBLIGATION_EXISTS,
    OBLIGATION_NOT_FOUND,
    OBLIGATION_ALREADY_ACQUITTED,
    EXCEEDS_OBLIGATION,
    RETIREMENT_DETAILS_MISSING,
    PENDING_NOT_RETIRABLE,
    CREDITS_DO_NOT_MATCH,
    NOTHING_TO_SETTLE,
    STATE_NOT_CANCELLABLE,
    LEDGER_REJECTED;

    private static final String BUNDLE = "liangshan.ledger.credits.messages";

    public boolean isSuccess() {
        return this == OK;
    }

    /** The key of this code's message in the zh and en bundles. */
    public String messageKey() {
        return "credits.result." + name();
    }

    /** The message in Chinese for {@code zh} locales and in English for every other locale. */
    public String message(Locale locale) {
        Locale language = "zh".equals(locale.getLanguage()) ? Locale.CHINESE : Locale.ENGLISH;
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE,
                language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.getString(messageKey());
    }
}
