package liangshan.app.divisions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.VillageKind;
import org.junit.jupiter.api.Test;

class DivisionCsvTest {

    private final List<Division> divisions = DivisionCsv.load();
    private final Map<String, Division> byCode =
            divisions.stream().collect(Collectors.toMap(Division::code, Function.identity()));

    @Test
    void quzhouHasOneCitySixCountiesHundredTownsAnd1664VillageLevelUnits() {
        Map<DivisionLevel, Long> byLevel =
                divisions.stream().collect(Collectors.groupingBy(Division::level, Collectors.counting()));
        assertThat(byLevel)
                .containsEntry(DivisionLevel.CITY, 1L)
                .containsEntry(DivisionLevel.COUNTY, 6L)
                .containsEntry(DivisionLevel.TOWN, 100L)
                .containsEntry(DivisionLevel.VILLAGE, 1664L);
        assertThat(byCode).hasSize(divisions.size());
    }

    @Test
    void villageKindsFollowTheCodingRule() {
        // NBS: 1,480 村民委员会 (serials 200–399); the other 184 are 居委会-like (175 named 社区).
        Map<VillageKind, Long> kinds = divisions.stream()
                .filter(d -> d.level() == DivisionLevel.VILLAGE)
                .collect(Collectors.groupingBy(Division::kind, Collectors.counting()));
        assertThat(kinds).containsEntry(VillageKind.VILLAGE, 1480L).containsEntry(VillageKind.COMMUNITY, 184L);
        assertThat(byCode.get("330802005001").kind()).isEqualTo(VillageKind.COMMUNITY);
        assertThat(divisions.stream()
                        .filter(d -> d.name().contains("社区"))
                        .allMatch(d -> d.kind() == VillageKind.COMMUNITY))
                .isTrue();
    }

    @Test
    void everyVillageReachesTheCityThroughATownAndACountyWhoseCodesArePrefixes() {
        for (Division village : divisions) {
            if (village.level() != DivisionLevel.VILLAGE) {
                continue;
            }
            Division town = byCode.get(village.parentCode());
            assertThat(town).as(village.code()).isNotNull();
            assertThat(town.level()).isEqualTo(DivisionLevel.TOWN);
            assertThat(village.code()).startsWith(town.code());
            Division county = byCode.get(town.parentCode());
            assertThat(county.level()).isEqualTo(DivisionLevel.COUNTY);
            assertThat(town.code()).startsWith(county.code());
            Division city = byCode.get(county.parentCode());
            assertThat(city.code()).isEqualTo("3308");
            assertThat(county.code()).startsWith(city.code());
            assertThat(city.parentCode()).isNull();
        }
    }
}
