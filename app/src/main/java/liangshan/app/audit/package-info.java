/**
 * The append-only, hash-chained audit log: who changed what, when, before and after, under which
 * request id. {@link liangshan.app.audit.AuditTrail} is the one way to write it; verification
 * ({@code liangshan audit verify}, {@code GET /api/v1/audit/verify}) finds any edited or deleted
 * record.
 *
 * <p>Tamper evidence, not tamper proofing: triggers reject UPDATE, DELETE and TRUNCATE on
 * {@code audit_log}, but a database superuser can still disable them ({@code ALTER TABLE … DISABLE
 * TRIGGER}, {@code SET session_replication_role = replica}) and edit rows. Records form 16 parallel
 * chains (docs/decisions/0006-parallel-audit-chains.md) so that writers do not queue on one row.
 * Each record's hash covers its fields, its chain, its predecessor's sequence number and hash, and
 * each chain's head row stores its last sequence number, hash and length, so any edit, deletion in
 * the middle or at the end is found by verification unless the tamperer recomputes every later
 * hash of that chain and its head; keep an external copy of the heads to detect even that.
 */
package liangshan.app.audit;
