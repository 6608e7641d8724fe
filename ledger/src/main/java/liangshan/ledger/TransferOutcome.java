package liangshan.ledger;

import java.util.Objects;

/**
 * What the ledger remembers under a transfer id: the request as sent, and either the applied transfer
 * ({@link ResultCode#OK}) or the {@link ResultCode.Kind#STATE} rejection it received. A retry with an
 * equal request gets {@link ResultCode#EXISTS} or the same rejection; any other request under the id gets
 * {@link ResultCode#EXISTS_WITH_DIFFERENT_FIELDS}.
 *
 * @param transfer the applied transfer, null when rejected
 */
public record TransferOutcome(TransferRequest request, ResultCode code, Transfer transfer) {

    public TransferOutcome {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(code, "code");
        if (code == ResultCode.OK) {
            Objects.requireNonNull(transfer, "transfer");
        } else if (code.kind() != ResultCode.Kind.STATE || transfer != null) {
            throw new IllegalArgumentException("only applied transfers and STATE rejections are remembered: " + code);
        }
    }

    static TransferOutcome applied(TransferRequest request, Transfer transfer) {
        return new TransferOutcome(request, ResultCode.OK, transfer);
    }

    static TransferOutcome rejected(TransferRequest request, ResultCode code) {
        return new TransferOutcome(request, code, null);
    }

    /** The answer to a retry with an equal request. */
    ResultCode replay() {
        return code == ResultCode.OK ? ResultCode.EXISTS : code;
    }
}
