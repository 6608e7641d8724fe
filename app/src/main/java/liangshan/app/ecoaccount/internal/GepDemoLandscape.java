package liangshan.app.ecoaccount.internal;

import java.util.Map;
import java.util.stream.Collectors;
import liangshan.app.ecoaccount.DemoLandscape;
import liangshan.gep.synth.LandCoverProbe;
import org.springframework.stereotype.Component;

/**
 * {@link DemoLandscape} from the generator's rules ({@link LandCoverProbe}) with the seed, cell size
 * and variation of {@link GepDemoData#specs()}, so the answer equals the demo input set's {@code
 * landcover.tif} without reading it (it may not be written yet, or not at all outside demo mode).
 */
@Component
class GepDemoLandscape implements DemoLandscape {

    private final Map<Integer, LandCoverProbe> probes = GepDemoData.specs().stream()
            .collect(Collectors.toUnmodifiableMap(GepSynthLandscapes.Spec::year, GepDemoLandscape::probe));

    private static LandCoverProbe probe(GepSynthLandscapes.Spec spec) {
        return new LandCoverProbe(spec.seed(), spec.cellSizeMetres(), GepSynthLandscapes.PROJECTION, spec.variation());
    }

    @Override
    public int landCoverAt(int year, double x, double y) {
        LandCoverProbe probe = probes.get(year);
        if (probe == null) {
            throw new IllegalArgumentException("no demo landscape for " + year + "; years: " + probes.keySet());
        }
        return probe.classAt(x, y);
    }

    @Override
    public double cellSizeMetres() {
        return GepDemoData.CELL_SIZE_M;
    }

    @Override
    public double elevationAt(double x, double y) {
        return probes.get(BASE_YEAR).elevationAt(x, y);
    }
}
