package liangshan.app.audit;

/**
 * Result of checking the whole audit chain.
 *
 * @param intact true when every record's hash, sequence number and link are as written
 * @param recordsChecked records read
 * @param firstBrokenSeq the first sequence number where the chain breaks, or null when intact
 * @param breakKind {@code hash-mismatch} (a record's fields were edited), {@code gap} (a record is
 *     missing: deleted), {@code broken-link} (a record's prev_hash is not its predecessor's hash),
 *     {@code head-mismatch} (records at the end were deleted, or the chain head was edited), or
 *     null when intact
 */
public record AuditVerification(boolean intact, long recordsChecked, Long firstBrokenSeq, String breakKind) {

    public static AuditVerification ok(long checked) {
        return new AuditVerification(true, checked, null, null);
    }

    public static AuditVerification broken(long checked, long seq, String kind) {
        return new AuditVerification(false, checked, seq, kind);
    }
}
