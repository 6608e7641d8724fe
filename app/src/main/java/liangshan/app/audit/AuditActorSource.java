package liangshan.app.audit;

/**
 * Supplies the actor of the current request or command to the audit trail; implemented by the
 * identity module. Without an implementation every record is attributed to {@link AuditActor#SYSTEM}.
 */
@FunctionalInterface
public interface AuditActorSource {

    AuditActor current();
}
