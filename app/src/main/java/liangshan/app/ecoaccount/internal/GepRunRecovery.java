package liangshan.app.ecoaccount.internal;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * At server start (not for command-line runs, which share the database with a running server),
 * before the web server accepts requests: runs an earlier process left queued or running end as
 * failed with the problem {@code run.interrupted} ("interrupted by restart").
 */
@Component
@ConditionalOnWebApplication
class GepRunRecovery implements SmartInitializingSingleton {

    private final GepRunJobs jobs;

    GepRunRecovery(GepRunJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void afterSingletonsInstantiated() {
        jobs.recoverInterrupted();
    }
}
