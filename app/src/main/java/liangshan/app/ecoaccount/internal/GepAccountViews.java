package liangshan.app.ecoaccount.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answers of the accounts API ({@code docs/api/gep.md}, "Accounts" and "Map layers"). */
final class GepAccountViews {

    private GepAccountViews() {}

    /** One year with results: total in 元 and the latest run that stored rows of it. */
    record YearTotal(int year, String totalYuan, String runId) {}

    /** The run behind an account (the latest that stored rows of it for the year). */
    record RunInfo(String id, String params, String methodEdition, Instant finishedAt) {}

    /** One indicator of an account: value in 元, quantity (3 decimals) with unit when summable. */
    record Indicator(
            String id,
            String nameZh,
            String nameEn,
            String serviceClass,
            String quantity,
            String unit,
            String valueYuan,
            String previousValueYuan,
            String changePct) {}

    /** The eco account of one division for one year, a sum over its villages. */
    record Account(
            String code,
            String name,
            String level,
            boolean illustrative,
            int year,
            Integer previousYear,
            String areaHm2,
            String totalYuan,
            String previousTotalYuan,
            String changePct,
            String perKm2Yuan,
            Map<String, String> byClass,
            List<Indicator> indicators,
            RunInfo run,
            int villages) {}

    /** One direct child of a division, ranked by GEP per km² (1 = highest). */
    record Child(
            String code,
            String name,
            String level,
            String totalYuan,
            String perKm2Yuan,
            String regulatingYuan,
            String changePct,
            int rank) {}

    /**
     * A choropleth: values by division code and 5 quantile breaks (the upper bounds of 5 classes of
     * equal counts: the 20th, 40th, 60th, 80th and 100th percentiles, nearest rank).
     */
    record Choropleth(int year, String measure, String unit, List<String> breaks, Map<String, String> values) {}
}
