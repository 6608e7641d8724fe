package liangshan.gep.project;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import liangshan.gep.provenance.Sha256;

/**
 * The land-cover change of a project, applied to the cells of the footprint only (centre-in rule).
 * Cells whose land cover is no-data stay no-data under {@link ToClass} and {@link Mapping}.
 */
public sealed interface LandCoverChange {

    /**
     * Canonical JSON of the change, hashed into the provenance: {@code {"toClass":13}}, {@code
     * {"mapping":{"1":13,"2":13}}} (keys ascending), or {@code {"landcoverAfterSha256":"…"}}.
     */
    String canonicalJson();

    /** SHA-256 of {@link #canonicalJson()} (UTF-8). */
    default String sha256() {
        return Sha256.hex(canonicalJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Every footprint cell becomes class {@code toClass}. */
    record ToClass(int toClass) implements LandCoverChange {
        @Override
        public String canonicalJson() {
            return "{\"toClass\":" + toClass + "}";
        }
    }

    /** Footprint cells of a class in {@code fromTo} get the mapped class; other classes stay. */
    record Mapping(Map<Integer, Integer> fromTo) implements LandCoverChange {
        public Mapping {
            fromTo = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(fromTo, "fromTo")));
        }

        @Override
        public String canonicalJson() {
            StringBuilder b = new StringBuilder("{\"mapping\":{");
            String sep = "";
            for (Map.Entry<Integer, Integer> e : fromTo.entrySet()) {
                b.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue());
                sep = ",";
            }
            return b.append("}}").toString();
        }
    }

    /**
     * Footprint cells take the class of a replacement land-cover raster on the same grid as {@code
     * landcover.tif} (a misaligned raster is rejected, nothing is resampled).
     */
    record Replacement(Path landCoverAfter) implements LandCoverChange {
        public Replacement {
            Objects.requireNonNull(landCoverAfter, "landCoverAfter");
        }

        @Override
        public String canonicalJson() {
            return "{\"landcoverAfterSha256\":\"" + Sha256.hex(landCoverAfter) + "\"}";
        }
    }
}
