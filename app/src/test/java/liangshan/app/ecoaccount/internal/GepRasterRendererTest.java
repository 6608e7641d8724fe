package liangshan.app.ecoaccount.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import liangshan.raster.Band;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Output size, block means, legend range and colours of the map renderer, on literal grids. */
class GepRasterRendererTest {

    @ParameterizedTest(name = "{0}×{1} → {2}×{3}")
    @CsvSource({
        "100, 50, 100, 50", // small: one pixel per cell
        "2048, 2048, 2048, 2048",
        "3000, 1500, 2048, 1024",
        "1500, 3000, 1024, 2048",
        "9400, 8000, 2048, 1743", // 8000·2048/9400 = 1742.98
        "5000, 1, 2048, 1"
    })
    void output_size(int w, int h, int ow, int oh) {
        assertThat(GepRasterRenderer.outputSize(w, h, 2048)).containsExactly(ow, oh);
    }

    @Test
    void block_means_skip_no_data_and_leave_empty_blocks_transparent() {
        GridGeometry grid = new GridGeometry("EPSG:4549", 400_000, 3_200_000, 30, 30, 4, 4);
        float nd = -9999f;
        float[] v = {
            1, 3, nd, nd, //
            5, nd, nd, nd, //
            2, 2, 10, 20, //
            2, 2, 30, 40
        };
        Band band = new Band("m", "t", grid, CellType.FLOAT32, OptionalDouble.of(nd), v);
        float[] out = GepRasterRenderer.downsample(band, 2, 2);
        // top-left block: (1 + 3 + 5) / 3 = 3; top-right: all no-data; bottom: 2 and 25
        assertThat(out[0]).isEqualTo(3f);
        assertThat(out[1]).isNaN();
        assertThat(out[2]).isEqualTo(2f);
        assertThat(out[3]).isEqualTo(25f);
    }

    @Test
    void legend_range_is_p2_and_p98_of_positive_values() {
        float[] pixels = new float[104];
        for (int i = 0; i < 100; i++) {
            pixels[i] = i + 1; // 1 … 100
        }
        pixels[100] = 0;
        pixels[101] = -5;
        pixels[102] = Float.NaN;
        pixels[103] = Float.NaN;
        // n = 100 positive: P2 → k 2 → 2, P98 → k 98 → 98
        assertThat(GepRasterRenderer.legendRange(pixels)).containsExactly(2.0, 98.0);
        assertThat(GepRasterRenderer.legendRange(new float[] {0, Float.NaN})).containsExactly(0.0, 0.0);
    }

    @Test
    void colours_run_from_light_to_dark_and_no_data_is_transparent() {
        assertThat(GepRasterRenderer.colour(Float.NaN, 0, 10)).isZero();
        assertThat(GepRasterRenderer.colour(0f, 1, 10)).isEqualTo(0xffffffe5); // at or below min: lightest
        assertThat(GepRasterRenderer.colour(10f, 1, 10)).isEqualTo(0xff004529); // max: darkest
        assertThat(GepRasterRenderer.colour(1e9f, 1, 10)).isEqualTo(0xff004529);
        // half way: between the 5th and 5th anchor exactly → #78c679
        assertThat(GepRasterRenderer.colour(5.5f, 1, 10)).isEqualTo(0xff78c679);
        int quarter = GepRasterRenderer.colour(3.25f, 1, 10);
        assertThat(quarter >>> 24).isEqualTo(0xff);
        assertThat(quarter & 0xffffff).isEqualTo(0xd9f0a3); // t = 0.25 → anchor 2
    }
}
