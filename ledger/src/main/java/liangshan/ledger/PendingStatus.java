package liangshan.ledger;

/** The life of a {@link TransferFlag#PENDING} transfer: it leaves {@link #PENDING} exactly once. */
public enum PendingStatus {
    /** The amount is reserved on both accounts. */
    PENDING,
    /** A {@link TransferFlag#POST_PENDING} transfer moved (part of) it; the rest was released. */
    POSTED,
    /** A {@link TransferFlag#VOID_PENDING} transfer released it. */
    VOIDED,
    /** Its timeout passed before it was posted or voided; the reservation was released. */
    EXPIRED
}
