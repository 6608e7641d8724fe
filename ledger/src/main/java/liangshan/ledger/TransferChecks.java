package liangshan.ledger;

import static liangshan.ledger.ResultCode.ACCOUNTS_MUST_BE_DIFFERENT;
import static liangshan.ledger.ResultCode.AMOUNT_MUST_NOT_BE_NEGATIVE;
import static liangshan.ledger.ResultCode.AMOUNT_MUST_NOT_BE_ZERO;
import static liangshan.ledger.ResultCode.ASSET_REQUIRED;
import static liangshan.ledger.ResultCode.CODE_INVALID;
import static liangshan.ledger.ResultCode.CREDIT_ACCOUNT_REQUIRED;
import static liangshan.ledger.ResultCode.DEBIT_ACCOUNT_REQUIRED;
import static liangshan.ledger.ResultCode.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
import static liangshan.ledger.ResultCode.ID_MUST_NOT_BE_ZERO;
import static liangshan.ledger.ResultCode.OK;
import static liangshan.ledger.ResultCode.OWNER_INVALID;
import static liangshan.ledger.ResultCode.PENDING_ID_NOT_ALLOWED;
import static liangshan.ledger.ResultCode.PENDING_ID_REQUIRED;
import static liangshan.ledger.ResultCode.PURPOSE_INVALID;
import static liangshan.ledger.ResultCode.REFERENCE_INVALID;
import static liangshan.ledger.ResultCode.REVERSAL_MUST_BE_PLAIN;
import static liangshan.ledger.ResultCode.TIMEOUT_INVALID;
import static liangshan.ledger.ResultCode.TIMEOUT_RESERVED_FOR_PENDING;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks that need nothing but the request ({@link ResultCode.Kind#REQUEST}), in the documented order. */
final class TransferChecks {

    /** Dotted lower-case codes: purposes, reasons, reference keys, e.g. {@code village.collective.cash}. */
    static final Pattern DOTTED_CODE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    static final int MAX_CODE_LENGTH = 100;
    static final int MAX_OWNER_LENGTH = 100;
    static final int MAX_REFERENCE_LENGTH = 200;

    /** Ten years: longer reservations are certainly mistakes, and the bound keeps expiry instants valid. */
    static final Duration MAX_TIMEOUT = Duration.ofDays(3653);

    private static final UUID NIL = new UUID(0, 0);

    private TransferChecks() {}

    static ResultCode check(NewAccount account) {
        if (NIL.equals(account.id())) {
            return ID_MUST_NOT_BE_ZERO;
        }
        if (account.flags().contains(AccountFlag.CLOSED)) {
            return ResultCode.ACCOUNT_CANNOT_BE_CREATED_CLOSED;
        }
        if (account.flags().contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)
                && account.flags().contains(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)) {
            return FLAGS_ARE_MUTUALLY_EXCLUSIVE;
        }
        if (account.owner().isBlank() || account.owner().length() > MAX_OWNER_LENGTH) {
            return OWNER_INVALID;
        }
        if (!isDottedCode(account.purpose())) {
            return PURPOSE_INVALID;
        }
        return OK;
    }

    static ResultCode check(TransferRequest request) {
        ResultCode shape = checkShape(request);
        if (shape != OK) {
            return shape;
        }
        boolean standalone = !request.resolvesPending() && !request.isReversal();
        if (standalone) {
            if (request.debitAccountId() == null) {
                return DEBIT_ACCOUNT_REQUIRED;
            }
            if (request.creditAccountId() == null) {
                return CREDIT_ACCOUNT_REQUIRED;
            }
            if (request.asset() == null) {
                return ASSET_REQUIRED;
            }
            if (request.amount() == 0) {
                return AMOUNT_MUST_NOT_BE_ZERO;
            }
        }
        if (request.debitAccountId() != null && request.debitAccountId().equals(request.creditAccountId())) {
            return ACCOUNTS_MUST_BE_DIFFERENT;
        }
        if ((standalone || request.code() != null) && !isDottedCode(request.code())) {
            return CODE_INVALID;
        }
        for (Map.Entry<String, String> reference : request.references().entrySet()) {
            String value = reference.getValue();
            if (!isDottedCode(reference.getKey())
                    || value == null
                    || value.isBlank()
                    || value.length() > MAX_REFERENCE_LENGTH) {
                return REFERENCE_INVALID;
            }
        }
        return OK;
    }

    /** Id, flags, pending id, timeout and sign of the amount. */
    private static ResultCode checkShape(TransferRequest request) {
        if (NIL.equals(request.id())) {
            return ID_MUST_NOT_BE_ZERO;
        }
        int kinds = (request.has(TransferFlag.PENDING) ? 1 : 0)
                + (request.has(TransferFlag.POST_PENDING) ? 1 : 0)
                + (request.has(TransferFlag.VOID_PENDING) ? 1 : 0);
        if (kinds > 1) {
            return FLAGS_ARE_MUTUALLY_EXCLUSIVE;
        }
        if (request.isReversal() && kinds > 0) {
            return REVERSAL_MUST_BE_PLAIN;
        }
        if (request.resolvesPending() && request.pendingId() == null) {
            return PENDING_ID_REQUIRED;
        }
        if (!request.resolvesPending() && request.pendingId() != null) {
            return PENDING_ID_NOT_ALLOWED;
        }
        if (request.timeout() != null && !request.has(TransferFlag.PENDING)) {
            return TIMEOUT_RESERVED_FOR_PENDING;
        }
        if (request.timeout() != null
                && (request.timeout().isNegative()
                        || request.timeout().isZero()
                        || request.timeout().compareTo(MAX_TIMEOUT) > 0)) {
            return TIMEOUT_INVALID;
        }
        if (request.amount() < 0) {
            return AMOUNT_MUST_NOT_BE_NEGATIVE;
        }
        return OK;
    }

    static boolean isDottedCode(String code) {
        return code != null
                && code.length() <= MAX_CODE_LENGTH
                && DOTTED_CODE.matcher(code).matches();
    }
}
