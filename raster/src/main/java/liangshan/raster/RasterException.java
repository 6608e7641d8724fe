package liangshan.raster;

/**
 * A raster input cannot be used: the file is truncated or malformed, uses a sample format or
 * compression the engine does not read, lacks georeferencing, or does not share the run's grid.
 * The message always names the offending input (file path or band name) so that a run report
 * can point the user at it.
 */
public class RasterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as a stable code callers can map to a user message. */
    public enum Reason {
        /** Not a TIFF, truncated, or a required tag is missing or inconsistent. */
        MALFORMED,
        /** A valid TIFF the engine does not read (sample format, compression, predictor, layout). */
        UNSUPPORTED,
        /** No ModelPixelScale/ModelTiepoint/ModelTransformation, or no EPSG code in the GeoKeys. */
        MISSING_GEOREFERENCING,
        /** Rotated or sheared grid (not north-up). */
        ROTATED_GRID,
        /** Inputs have different CRSs. */
        CRS_MISMATCH,
        /** Inputs have the same CRS but different origin, cell size or shape. */
        MISALIGNED,
        /** Values or arguments that do not fit the declared band or grid. */
        INVALID_INPUT
    }

    private final Reason reason;
    private final String input;

    public RasterException(Reason reason, String input, String message) {
        super(input + ": " + message);
        this.reason = reason;
        this.input = input;
    }

    public RasterException(Reason reason, String input, String message, Throwable cause) {
        super(input + ": " + message, cause);
        this.reason = reason;
        this.input = input;
    }

    public Reason reason() {
        return reason;
    }

    /** The offending file or band name. */
    public String input() {
        return input;
    }
}
