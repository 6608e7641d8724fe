package liangshan.ledger;

/** How a {@link TransferRequest} is applied. At most one of the last three may be set. */
public enum TransferFlag {
    /**
     * This request and the next one in the batch succeed or fail together; a chain ends with the first
     * request without this flag. A batch whose last request carries it is rejected.
     */
    LINKED,
    /** Reserve the amount (pending debit and credit) without moving it; resolved later exactly once. */
    PENDING,
    /** Move (all or part of) a pending reservation to posted; any remainder is released. */
    POST_PENDING,
    /** Release a pending reservation entirely. */
    VOID_PENDING
}
