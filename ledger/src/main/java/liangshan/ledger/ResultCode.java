package liangshan.ledger;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The outcome of one ledger command. Codes are stable: they are stored with rejected transfers, returned
 * to API clients and have a zh and an en message ({@link #message(Locale)}).
 *
 * <p>Each code has a {@link Kind}. Only {@link Kind#STATE} rejections are remembered under the transfer
 * id: they depend on the ledger's contents, so a retry must replay the first answer instead of
 * succeeding later (a retried payment never moves money twice, nor once too late). {@link Kind#REQUEST}
 * rejections depend on the request alone and are not remembered, so a corrected request may reuse the id.
 * The order of the constants within a group is the order in which the ledger checks them.
 */
public enum ResultCode {
    // Success.
    /** Applied. */
    OK(Kind.SUCCESS),
    /** The same id with the same fields was applied before; nothing moved this time. */
    EXISTS(Kind.SUCCESS),

    // Batches.
    /** Another request of the same linked chain failed, so this one was not applied. */
    LINKED_EVENT_FAILED(Kind.BATCH),
    /** The last request of the batch carries {@link TransferFlag#LINKED}: the chain never ends. */
    LINKED_EVENT_CHAIN_OPEN(Kind.BATCH),
    /** The id was used before with different fields. */
    EXISTS_WITH_DIFFERENT_FIELDS(Kind.BATCH),

    // The request alone, accounts.
    ID_MUST_NOT_BE_ZERO(Kind.REQUEST),
    ACCOUNT_CANNOT_BE_CREATED_CLOSED(Kind.REQUEST),
    FLAGS_ARE_MUTUALLY_EXCLUSIVE(Kind.REQUEST),
    OWNER_INVALID(Kind.REQUEST),
    PURPOSE_INVALID(Kind.REQUEST),

    // The request alone, transfers (ID_MUST_NOT_BE_ZERO and FLAGS_ARE_MUTUALLY_EXCLUSIVE come first).
    REVERSAL_MUST_BE_PLAIN(Kind.REQUEST),
    PENDING_ID_REQUIRED(Kind.REQUEST),
    PENDING_ID_NOT_ALLOWED(Kind.REQUEST),
    TIMEOUT_RESERVED_FOR_PENDING(Kind.REQUEST),
    TIMEOUT_INVALID(Kind.REQUEST),
    AMOUNT_MUST_NOT_BE_NEGATIVE(Kind.REQUEST),
    DEBIT_ACCOUNT_REQUIRED(Kind.REQUEST),
    CREDIT_ACCOUNT_REQUIRED(Kind.REQUEST),
    ASSET_REQUIRED(Kind.REQUEST),
    AMOUNT_MUST_NOT_BE_ZERO(Kind.REQUEST),
    ACCOUNTS_MUST_BE_DIFFERENT(Kind.REQUEST),
    CODE_INVALID(Kind.REQUEST),
    REFERENCE_INVALID(Kind.REQUEST),

    // The ledger's contents: pending resolution (checked for POST_PENDING and VOID_PENDING).
    PENDING_NOT_FOUND(Kind.STATE),
    NOT_A_PENDING_TRANSFER(Kind.STATE),
    DIFFERENT_FROM_PENDING(Kind.STATE),
    PENDING_ALREADY_POSTED(Kind.STATE),
    PENDING_ALREADY_VOIDED(Kind.STATE),
    PENDING_EXPIRED(Kind.STATE),
    EXCEEDS_PENDING_AMOUNT(Kind.STATE),

    // The ledger's contents: reversal (checked for requests with a reversed id).
    TRANSFER_TO_REVERSE_NOT_FOUND(Kind.STATE),
    NOT_REVERSIBLE(Kind.STATE),
    ALREADY_REVERSED(Kind.STATE),
    DIFFERENT_FROM_REVERSED(Kind.STATE),

    // The ledger's contents: accounts and balances (checked for every movement).
    ACCOUNT_NOT_FOUND(Kind.STATE),
    ASSETS_MUST_MATCH(Kind.STATE),
    ACCOUNT_CLOSED(Kind.STATE),
    OVERFLOWS_DEBITS_PENDING(Kind.STATE),
    OVERFLOWS_CREDITS_PENDING(Kind.STATE),
    OVERFLOWS_DEBITS_POSTED(Kind.STATE),
    OVERFLOWS_CREDITS_POSTED(Kind.STATE),
    OVERFLOWS_DEBITS(Kind.STATE),
    OVERFLOWS_CREDITS(Kind.STATE),
    EXCEEDS_CREDITS(Kind.STATE),
    EXCEEDS_DEBITS(Kind.STATE),

    // Closing an account (no transfer id, so never remembered).
    ACCOUNT_ALREADY_CLOSED(Kind.REQUEST),
    ACCOUNT_HAS_PENDING_TRANSFERS(Kind.REQUEST);

    /** Why a code was returned; decides whether a rejection is remembered under the transfer id. */
    public enum Kind {
        /** The command took effect now or earlier. */
        SUCCESS,
        /** Decided by the batch or the id's history, not by this request's own content. */
        BATCH,
        /** Decided by the request alone; not remembered. */
        REQUEST,
        /** Decided by the ledger's contents; remembered and replayed on retry. */
        STATE
    }

    private static final String BUNDLE = "liangshan.ledger.messages";

    private final Kind kind;

    ResultCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** {@link #OK} or {@link #EXISTS}. */
    public boolean isSuccess() {
        return kind == Kind.SUCCESS;
    }

    /** The key of this code's message in the zh and en bundles. */
    public String messageKey() {
        return "ledger.result." + name();
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
