package liangshan.app.credits.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The registry's clock: set to the command's instant before each command (live: the platform clock;
 * replay: the stored instant), so a rebuilt history carries the same times and hashes.
 */
final class SettableClock extends Clock {

    private volatile Instant instant = Instant.EPOCH;

    void set(Instant value) {
        this.instant = value;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the registry clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return instant;
    }
}
