package liangshan.app.ecoaccount.internal;

import java.time.Instant;
import java.util.List;

/**
 * A GEP run as the API answers it ({@code docs/api/gep.md}, {@code Run}).
 *
 * @param id ULID
 * @param status queued, running, cancelling, succeeded, failed or cancelled
 * @param year accounting year
 * @param params parameter-set id
 * @param inputs input-set name
 * @param scope county (6 digits) or city (4 digits) whose villages are run
 * @param stage current stage of the pipeline ({@code validate, terrain, capacity, indicators,
 *     write}, then {@code store}), or null while queued
 * @param done steps done in the stage
 * @param total steps of the stage
 * @param percent overall progress estimate, 1 decimal ("0.0"–"100.0")
 * @param createdBy username of who started it
 * @param createdAt when it was submitted
 * @param startedAt when it started running, or null
 * @param finishedAt when it ended, or null
 * @param villages villages stored (succeeded runs), or null
 * @param problems every problem of a failed run (input problems with zh/en messages)
 * @param totalYuan GEP of the stored villages in 元 (2 decimals), or null
 */
record GepRunView(
        String id,
        String status,
        int year,
        String params,
        String inputs,
        String scope,
        String stage,
        int done,
        int total,
        String percent,
        String createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Integer villages,
        List<Problem> problems,
        String totalYuan) {

    /** One problem of a run; {@code input} names the file or input it is about. */
    record Problem(String code, String input, String messageZh, String messageEn) {}

    /** Statuses after which nothing changes any more. */
    static final List<String> FINISHED = List.of("succeeded", "failed", "cancelled");

    boolean finished() {
        return FINISHED.contains(status);
    }
}
