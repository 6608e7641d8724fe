package liangshan.gep.spec;

import java.util.Objects;

/**
 * One input of an indicator.
 *
 * @param name stable input name, e.g. {@code precipitation}
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param kind raster band or statistics table
 * @param unit unit of the values
 * @param type sample type of a raster band, or {@link SampleType#TABLE_ROWS} for tables
 * @param noDataAllowed whether no-data cells are accepted (they contribute 0 and are counted)
 * @param optional whether a run may omit the input (the indicator then counts 0 for that part)
 */
public record InputSpec(
        String name,
        String nameZh,
        String nameEn,
        Kind kind,
        Unit unit,
        SampleType type,
        boolean noDataAllowed,
        boolean optional) {

    /** Raster band or table. */
    public enum Kind {
        RASTER,
        TABLE
    }

    /** Sample type of a band. */
    public enum SampleType {
        FLOAT32,
        INT32,
        TABLE_ROWS
    }

    public InputSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(type);
        if ((kind == Kind.TABLE) != (type == SampleType.TABLE_ROWS)) {
            throw new IllegalArgumentException("table inputs and only they have TABLE_ROWS: " + name);
        }
    }

    static InputSpec raster(String name, String zh, String en, Unit unit, SampleType type) {
        return new InputSpec(name, zh, en, Kind.RASTER, unit, type, true, false);
    }

    static InputSpec table(String name, String zh, String en, Unit unit, boolean optional) {
        return new InputSpec(name, zh, en, Kind.TABLE, unit, SampleType.TABLE_ROWS, false, optional);
    }
}
