package liangshan.raster.terrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast slope length of the LS loop against {@link LsFactor#slopeLength} and {@link
 * LsFactor#exponent}: the same class at and around each threshold float and the same doubles on
 * random slopes, aspects and contributing areas (seed in the messages).
 */
class SlopeLengthsTest {

    @ParameterizedTest(name = "threshold {0}")
    @ValueSource(ints = {0, 1, 2})
    void the_class_equals_the_exponent_at_and_around_each_threshold(int t) {
        float start = SlopeLengths.CLASS_START[t];
        assertThat(LsFactor.exponent(start)).isEqualTo(new double[] {0.3, 0.4, 0.5}[t]);
        int bits = Float.floatToIntBits(start);
        for (int k = -50; k <= 50; k++) {
            float theta = Float.intBitsToFloat(bits + k);
            assertThat(mOf(SlopeLengths.slopeClass(theta)))
                    .as("θ = %s (%d ulps from the threshold)", theta, k)
                    .isEqualTo(LsFactor.exponent(theta));
        }
        // The first ulp below the threshold is in the class below: the threshold is the first float of its class.
        assertThat(LsFactor.exponent(Math.nextDown(start))).isLessThan(LsFactor.exponent(start));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 20261129})
    void equals_the_public_slope_length_bit_for_bit(long seed) {
        Random rnd = new Random(seed);
        for (double d : new double[] {10, 30, 12.5}) {
            SlopeLengths lengths = new SlopeLengths(d);
            for (int n = 0; n < 20_000; n++) {
                float theta = n % 10 == 0 ? 0f : (float) (rnd.nextDouble() * (n % 3 == 0 ? 0.06 : 1.4));
                float aspect = n % 17 == 0 ? Float.NaN : (float) (rnd.nextDouble() * 2 * Math.PI);
                double aIn = n % 7 == 0 ? 0 : Math.min(rnd.nextInt(5000) * d * d, 122 * d);
                assertThat(mOf(SlopeLengths.slopeClass(theta)))
                        .as("seed %d θ %s", seed, theta)
                        .isEqualTo(LsFactor.exponent(theta));
                assertThat(Double.doubleToRawLongBits(lengths.of(aIn, theta, aspect)))
                        .as("seed %d d %s θ %s aspect %s aIn %s", seed, d, theta, aspect, aIn)
                        .isEqualTo(Double.doubleToRawLongBits(LsFactor.slopeLength(aIn, d, theta, aspect)));
            }
        }
        assertThat(mOf(SlopeLengths.slopeClass(Float.NaN))).isEqualTo(LsFactor.exponent(Double.NaN));
    }

    private static double mOf(int slopeClass) {
        return new double[] {0.2, 0.3, 0.4, 0.5}[slopeClass];
    }
}
