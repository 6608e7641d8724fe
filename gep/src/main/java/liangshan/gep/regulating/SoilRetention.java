package liangshan.gep.regulating;

import java.util.List;
import java.util.Map;
import liangshan.gep.cell.CellKernel;
import liangshan.gep.cell.CellResult;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.cell.FloatBand;
import liangshan.gep.cell.IntBand;
import liangshan.gep.params.ClassTable;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.spec.ClassCategory;
import liangshan.gep.spec.GepInputs;
import liangshan.gep.spec.GepParameters;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.spec.Unit;
import liangshan.gep.valuation.Valuation;

/**
 * 土壤保持, LS-2026.1 §R2: {@code A_sc = R × K × LS × (1 − C × P_s) × a / 10⁴} t per cell. R·K·LS
 * is the potential soil loss in t·hm⁻²·a⁻¹; a / 10⁴ converts the cell area from m² to hm². LS is
 * an input band computed by the raster module (Horn slope, priority-flood, D8, Desmet–Govers L,
 * Liu S). Open water and built-up cells are not counted (METHOD-CHOICES C3).
 *
 * <p>Value = {@code λ × (A_sc / ρ) × price_dredging + A_sc × (N% × price_N + P% × price_P)}, as
 * three lines: sediment volume (m³), nitrogen (t) and phosphorus (t); N% and P% are percentages.
 */
public final class SoilRetention implements CellKernel {

    static final String OUT = "soil_retention_t";
    static final double SQUARE_METRES_PER_HECTARE = 1e4;
    private static final double PERCENT = 100;

    @Override
    public IndicatorSpec spec() {
        return IndicatorSpecs.SOIL_RETENTION;
    }

    @Override
    public List<String> cellOutputs() {
        return List.of(OUT);
    }

    @Override
    public CellResult compute(CellWindow w, ParameterSet params) {
        Kernels.check(spec(), w);
        IntBand cover = w.intBand(GepInputs.LAND_COVER.name());
        FloatBand erosivity = w.floatBand(GepInputs.RAINFALL_EROSIVITY.name());
        FloatBand erodibility = w.floatBand(GepInputs.SOIL_ERODIBILITY.name());
        FloatBand ls = w.floatBand(GepInputs.LS_FACTOR.name());
        ClassTable table = params.classTable();
        double[] c = table.perClass(GepParameters.COVER_FACTOR.name());
        double[] p = table.perClass(GepParameters.PRACTICE_FACTOR.name());
        boolean[] counted = table.inCategories(ClassCategory.SOIL_RETENTION);
        double hectares = w.cellAreaSquareMetres() / SQUARE_METRES_PER_HECTARE;
        CellResult r = new CellResult(spec(), w.cellCount(), cellOutputs());
        double[] out = r.perCell(OUT);
        for (int i = 0; i < w.cellCount(); i++) {
            if (r.quality().noData(i, cover, erosivity, erodibility, ls)) {
                continue;
            }
            int code = cover.values()[i];
            if (!Kernels.countable(r, table, counted, code)) {
                continue;
            }
            double potentialTonnesPerHectare =
                    (double) erosivity.values()[i] * erodibility.values()[i] * ls.values()[i];
            out[i] = potentialTonnesPerHectare * (1 - c[code] * p[code]) * hectares;
        }
        return r;
    }

    @Override
    public Valuation value(Map<String, Double> quantities, ParameterSet params) {
        double tonnes = Valuation.quantity(quantities, OUT);
        double lambda = params.constant(GepParameters.SEDIMENT_DEPOSITION_SHARE.name());
        double density = params.constant(GepParameters.SOIL_BULK_DENSITY.name());
        double nitrogenPercent = params.constant(GepParameters.SOIL_NITROGEN_CONTENT.name());
        double phosphorusPercent = params.constant(GepParameters.SOIL_PHOSPHORUS_CONTENT.name());
        return new Valuation.Builder(spec(), params)
                .line(
                        "sediment_value",
                        "sediment_volume_m3",
                        lambda * tonnes / density,
                        Unit.CUBIC_METRE,
                        GepParameters.PRICE_DREDGING.name())
                .line(
                        "nitrogen_value",
                        "nitrogen_t",
                        tonnes * nitrogenPercent / PERCENT,
                        Unit.TONNE,
                        GepParameters.PRICE_NITROGEN.name())
                .line(
                        "phosphorus_value",
                        "phosphorus_t",
                        tonnes * phosphorusPercent / PERCENT,
                        Unit.TONNE,
                        GepParameters.PRICE_PHOSPHORUS.name())
                .build();
    }
}
