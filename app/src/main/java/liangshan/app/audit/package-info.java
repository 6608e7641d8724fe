/**
 * The append-only, hash-chained audit log: who changed what, when, before and after, under which
 * request id. {@link liangshan.app.audit.AuditTrail} is the one way to write it; verification
 * ({@code liangshan audit verify}, {@code GET /api/v1/audit/verify}) finds any edited or deleted
 * record.
 *
 * <p>Tamper evidence, not tamper proofing: triggers reject UPDATE, DELETE and TRUNCATE on
 * {@code audit_log}, but a database superuser can still disable them ({@code ALTER TABLE … DISABLE
 * TRIGGER}, {@code SET session_replication_role = replica}) and edit rows. Each record's hash covers
 * its fields and its predecessor's hash, and the chain head row stores the last sequence number and
 * hash, so any edit, deletion in the middle or at the end is found by verification unless the
 * tamperer recomputes every later hash and the head; keep an external copy of the head hash
 * (printed by verify) to detect even that.
 */
package liangshan.app.audit;
