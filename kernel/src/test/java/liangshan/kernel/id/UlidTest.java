package liangshan.kernel.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UlidTest {

    @Test
    void encodesTheClockTimeAndSortsByIt() {
        SplittableRandom random = new SplittableRandom(42);
        Instant t0 = Instant.parse("2026-03-01T08:00:00.123Z");
        Ulid first = Ulid.next(Clock.fixed(t0, ZoneOffset.UTC), random);
        Ulid later = Ulid.next(Clock.fixed(t0.plusMillis(1), ZoneOffset.UTC), random);
        assertThat(first.value()).hasSize(26).matches("[0-7][0-9A-HJKMNP-TV-Z]{25}");
        assertThat(first.timestamp()).isEqualTo(t0);
        assertThat(later.timestamp()).isEqualTo(t0.plusMillis(1));
        assertThat(later).isGreaterThan(first);
        assertThat(Ulid.parse(first.value().toLowerCase(java.util.Locale.ROOT))).isEqualTo(first);
    }

    @Test
    void knownTimePrefix() {
        // 1469918176385 ms = 0x0156_3DF6_1B81 → Crockford "01ARYZ6S41" (the ULID spec's example time).
        Ulid id = Ulid.next(
                Clock.fixed(Instant.ofEpochMilli(1_469_918_176_385L), ZoneOffset.UTC), new SplittableRandom(1));
        assertThat(id.value()).startsWith("01ARYZ6S41");
    }

    @Test
    void rejectsMalformedText() {
        assertThatThrownBy(() -> Ulid.parse("01ARYZ6S41")).hasMessageContaining("26");
        assertThatThrownBy(() -> Ulid.parse("01ARYZ6S41UUUUUUUUUUUUUUUU")).hasMessageContaining("invalid character");
        assertThatThrownBy(() -> Ulid.parse("81ARYZ6S410000000000000000")).hasMessageContaining("128 bits");
    }
}
