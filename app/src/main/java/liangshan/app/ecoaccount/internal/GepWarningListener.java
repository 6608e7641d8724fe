package liangshan.app.ecoaccount.internal;

import liangshan.app.ecoaccount.GepRunSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Re-evaluates the warning rules when a GEP run has stored its results. This is what Spring
 * Modulith's {@code @ApplicationModuleListener} stands for (the project does not ship the
 * modulith events artefact): after the publishing transaction commits, asynchronously, in a
 * transaction of its own ({@link GepWarningEvaluator#evaluate} is transactional), so a slow or
 * failing evaluation never holds up or rolls back the run. Alerts are attributed to {@code system}.
 */
@Component
class GepWarningListener {

    private static final Logger log = LoggerFactory.getLogger(GepWarningListener.class);

    private final GepWarningEvaluator evaluator;

    GepWarningListener(GepWarningEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void on(GepRunSucceeded event) {
        GepWarningEvaluator.Summary summary = evaluator.evaluate(event.year(), event.scopeCode());
        log.info(
                "GEP warnings after run {}: year {}, scope {}, {} rules, {} villages, {} new alerts, {} existing",
                event.runId(),
                summary.year(),
                summary.scopeCode(),
                summary.rules(),
                summary.villages(),
                summary.raised(),
                summary.existing());
    }
}
