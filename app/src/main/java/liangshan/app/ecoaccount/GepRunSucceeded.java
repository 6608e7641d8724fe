package liangshan.app.ecoaccount;

/**
 * Published (after commit) when a GEP run has stored its results: listeners such as the early
 * warning rules re-evaluate the villages of {@code scopeCode} for {@code year}.
 *
 * @param runId the run's ULID
 * @param year accounting year
 * @param scopeCode county (6 digits) or city (4 digits) whose villages were run
 */
public record GepRunSucceeded(String runId, int year, String scopeCode) {}
