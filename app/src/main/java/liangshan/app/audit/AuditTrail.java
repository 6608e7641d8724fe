package liangshan.app.audit;

/**
 * Appends to the platform's append-only, hash-chained audit log. Every state change in every module
 * calls {@link #record} in the same transaction as the change, so a rolled-back change leaves no
 * audit record and a committed one always has one.
 */
public interface AuditTrail {

    /**
     * Records one change made by the current actor within the current request.
     *
     * @param action stable dotted name, e.g. {@code divisions.boundaries.imported}, {@code identity.user.created}
     * @param entityType e.g. {@code division}, {@code user}
     * @param entityId the changed entity's id or code
     * @param divisionCode the division the change belongs to (for scoped reading), or {@code "3308"}
     * @param before JSON-serialisable state before the change, or null when created
     * @param after JSON-serialisable state after the change, or null when deleted
     */
    void record(String action, String entityType, String entityId, String divisionCode, Object before, Object after);
}
