/**
 * The append-only, hash-chained audit log: who changed what, when, before and after, under which
 * request id. {@link liangshan.app.audit.AuditTrail} is the one way to write it; verification finds
 * any edited or deleted record.
 */
package liangshan.app.audit;
