package liangshan.app.ecoaccount;

/**
 * Published (after commit) when a GEP run has stored its results: listeners such as the early
 * warning rules re-evaluate the villages of {@code scopeCode} for {@code year}. The run's rows are
 * committed before the event is published; it is published inside a short transaction of its own,
 * so both plain {@code @EventListener}s (run inside it) and transactional listeners ({@code
 * @TransactionalEventListener}, {@code @ApplicationModuleListener}; after it commits) receive it.
 * It is published from the GEP job thread, with the system as the actor.
 *
 * @param runId the run's ULID
 * @param year accounting year
 * @param scopeCode county (6 digits) or city (4 digits) whose villages were run
 */
public record GepRunSucceeded(String runId, int year, String scopeCode) {}
