package liangshan.ledger.credits;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * The land and period a project claims: parcel references (land-register or footprint parcel ids) and an
 * inclusive date range. Two claims overlap when they share a parcel and their periods intersect.
 */
public record LandClaim(Set<String> parcels, LocalDate from, LocalDate to) {

    public LandClaim {
        // Sorted, so toString (part of the history hash) is the same in every JVM.
        parcels = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(parcels));
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (parcels.isEmpty()) {
            throw new IllegalArgumentException("a land claim names at least one parcel");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + ".." + to);
        }
    }

    public boolean overlaps(LandClaim other) {
        boolean periods = !to.isBefore(other.from) && !other.to.isBefore(from);
        return periods && parcels.stream().anyMatch(other.parcels::contains);
    }
}
