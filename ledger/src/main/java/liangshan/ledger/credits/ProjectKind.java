package liangshan.ledger.credits;

/** Who sponsors a restoration project; government projects issue into the county pool. */
public enum ProjectKind {
    GOVERNMENT,
    VILLAGE,
    ENTERPRISE
}
