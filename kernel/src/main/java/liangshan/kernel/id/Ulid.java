package liangshan.kernel.id;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A ULID-style identifier: 48 bits of milliseconds since the epoch followed by 80 random bits,
 * written as 26 Crockford base-32 characters. Ids made later sort later as strings, which keeps
 * database indexes append-mostly; time comes from a passed {@link Clock} and randomness from a
 * passed generator so tests are reproducible.
 *
 * @param value the 26-character canonical (upper-case) form
 */
public record Ulid(String value) implements Comparable<Ulid> {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 26;
    private static final long MAX_TIME = (1L << 48) - 1;

    public Ulid {
        Objects.requireNonNull(value, "value");
        if (value.length() != LENGTH) {
            throw new IllegalArgumentException("ULID must have 26 characters, was \"" + value + "\"");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (indexOf(value.charAt(i)) < 0) {
                throw new IllegalArgumentException("ULID has an invalid character at " + i + ": \"" + value + "\"");
            }
        }
        if (indexOf(value.charAt(0)) > 7) {
            throw new IllegalArgumentException("ULID exceeds 128 bits: \"" + value + "\"");
        }
    }

    /** A new id stamped with {@code clock}'s current millisecond. */
    public static Ulid next(Clock clock, RandomGenerator random) {
        long millis = clock.millis();
        if (millis < 0 || millis > MAX_TIME) {
            throw new IllegalArgumentException("time outside the ULID range: " + millis);
        }
        long randomHigh = random.nextLong() & 0xFFFFL; // 16 bits
        long randomLow = random.nextLong(); // 64 bits
        char[] out = new char[LENGTH];
        // 128 bits = time(48) | randomHigh(16) | randomLow(64), written 5 bits at a time from the right.
        long hi = (millis << 16) | randomHigh;
        long lo = randomLow;
        for (int i = LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo = (lo >>> 5) | (hi << 59);
            hi >>>= 5;
        }
        return new Ulid(new String(out));
    }

    public static Ulid parse(String text) {
        return new Ulid(text.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** The creation instant (millisecond precision). */
    public Instant timestamp() {
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            millis = (millis << 5) | indexOf(value.charAt(i));
        }
        return Instant.ofEpochMilli(millis);
    }

    private static int indexOf(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int compareTo(Ulid other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
