package liangshan.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A task's failure as the waiting thread throws it: the same runtime exception or error, a checked one wrapped. */
class FailuresTest {

    @Test
    void runtime_exceptions_pass_as_they_are_errors_are_thrown_checked_ones_are_wrapped() {
        RasterException broken = new RasterException(RasterException.Reason.MALFORMED, "dem.tif", "broken block");
        assertThat(Failures.unchecked(broken)).isSameAs(broken);
        OutOfMemoryError oom = new OutOfMemoryError("heap");
        assertThatThrownBy(() -> Failures.unchecked(oom)).isSameAs(oom);
        IOException io = new IOException("disk");
        assertThat(Failures.unchecked(io))
                .isInstanceOf(IllegalStateException.class)
                .hasCause(io);
    }
}
