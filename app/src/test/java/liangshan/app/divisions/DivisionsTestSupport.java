package liangshan.app.divisions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import liangshan.app.audit.AuditTrail;
import liangshan.app.identity.Actor;
import liangshan.app.identity.CurrentActor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;

/**
 * TEMPORARY test-only stand-ins until the identity and audit branches are merged (remove at merge
 * when the real beans exist): a recording {@link AuditTrail} and a settable {@link CurrentActor}.
 * Each is created only when no real bean exists and, should both exist, yields to the real one
 * ({@link Fallback}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class DivisionsTestSupport {

    /** An {@link AuditTrail} that keeps the records in memory. */
    public static final class RecordingAuditTrail implements AuditTrail {

        /** One recorded call. */
        public record Entry(
                String action, String entityType, String entityId, String divisionCode, Object before, Object after) {}

        private final List<Entry> entries = new ArrayList<>();

        @Override
        public synchronized void record(
                String action, String entityType, String entityId, String divisionCode, Object before, Object after) {
            entries.add(new Entry(action, entityType, entityId, divisionCode, before, after));
        }

        public synchronized List<Entry> entries() {
            return List.copyOf(entries);
        }
    }

    /** A {@link CurrentActor} whose actor tests set; anonymous by default. */
    public static final class SettableActor implements CurrentActor {

        private final AtomicReference<Actor> actor = new AtomicReference<>(Actor.ANONYMOUS);

        @Override
        public Actor get() {
            return actor.get();
        }

        public void set(Actor value) {
            actor.set(value);
        }
    }

    @Bean
    @Fallback
    @ConditionalOnMissingBean(AuditTrail.class)
    RecordingAuditTrail divisionsTestAuditTrail() {
        return new RecordingAuditTrail();
    }

    @Bean
    @Fallback
    @ConditionalOnMissingBean(CurrentActor.class)
    SettableActor divisionsTestCurrentActor() {
        return new SettableActor();
    }
}
