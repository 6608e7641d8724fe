package liangshan.ledger.credits;

/** Recipients of a sale's net revenue, in allocation order (ties of the largest remainder go first). */
public enum RevenueShare {
    VILLAGE,
    HOUSEHOLDS,
    OPERATOR,
    FUNDS
}
