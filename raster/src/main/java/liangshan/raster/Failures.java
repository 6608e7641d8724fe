package liangshan.raster;

/** The failure of a task run on another thread, passed on to the thread that waits for it. */
public final class Failures {

    private Failures() {}

    /**
     * What to throw for {@code cause} (e.g. an {@code ExecutionException}'s cause): a {@link
     * RuntimeException} itself, an {@link Error} thrown here, anything else wrapped in an {@link
     * IllegalStateException}. Use as {@code throw Failures.unchecked(e.getCause());}.
     */
    public static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }
}
