package liangshan.app.eledger.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Actor;
import org.springframework.stereotype.Component;

/**
 * Village, town, county and city roll-ups of the resource ledger: counts and areas by type, by use
 * status and by child division. Areas sum polygon areas and the declared areas of point resources.
 * An actor whose scope is narrower than the division gets the part inside its scope.
 */
@Component
class Rollups {

    private final ResourceStore store;
    private final EledgerAccess access;
    private final Divisions divisions;

    Rollups(ResourceStore store, EledgerAccess access, Divisions divisions) {
        this.store = store;
        this.access = access;
        this.divisions = divisions;
    }

    record Line(String key, String nameZh, String nameEn, long count, BigDecimal areaM2, BigDecimal areaMu) {}

    record Rollup(
            String code,
            String name,
            String level,
            String scopedTo,
            long count,
            BigDecimal areaM2,
            BigDecimal areaMu,
            List<Line> byType,
            List<Line> byStatus,
            List<Line> children) {}

    Rollup rollup(Actor actor, String code) {
        Division d = access.readableDivision(actor, code);
        String prefix = EledgerAccess.rollupPrefix(actor, d);
        List<Line> byType = lines(
                store.sums(prefix, "type"),
                names(Catalog.TYPES.stream()
                        .map(t -> new Catalog.Term(t.code(), t.nameZh(), t.nameEn()))
                        .toList()));
        List<Line> byStatus = lines(store.sums(prefix, "use_status"), names(Catalog.USE_STATUSES));
        List<Line> children = List.of();
        if (d.level() != DivisionLevel.VILLAGE) {
            int childLength = d.level().ordinal() + 1 < DivisionLevel.values().length
                    ? DivisionLevel.values()[d.level().ordinal() + 1].codeLength()
                    : 12;
            Map<String, String[]> childNames = new LinkedHashMap<>();
            for (Division c : divisions.children(d.code())) {
                childNames.put(c.code(), new String[] {c.name(), c.name()});
            }
            children = lines(store.sums(prefix, "substr(village_code, 1, " + childLength + ")"), childNames);
        }
        long count = byType.stream().mapToLong(Line::count).sum();
        BigDecimal area = byType.stream().map(Line::areaM2).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Rollup(
                d.code(),
                d.name(),
                d.level().key(),
                prefix.equals(d.code()) ? null : prefix,
                count,
                area,
                ResourceStore.mu(area),
                byType,
                byStatus,
                children);
    }

    private static Map<String, String[]> names(List<Catalog.Term> terms) {
        Map<String, String[]> names = new LinkedHashMap<>();
        terms.forEach(t -> names.put(t.code(), new String[] {t.nameZh(), t.nameEn()}));
        return names;
    }

    private static List<Line> lines(List<ResourceStore.Sum> sums, Map<String, String[]> names) {
        List<Line> lines = new ArrayList<>();
        for (ResourceStore.Sum s : sums) {
            String[] n = names.getOrDefault(s.key(), new String[] {s.key(), s.key()});
            lines.add(new Line(s.key(), n[0], n[1], s.count(), s.areaM2(), ResourceStore.mu(s.areaM2())));
        }
        return lines;
    }
}
