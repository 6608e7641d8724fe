package liangshan.app.ecoaccount.internal;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.platform.CliCommand;
import liangshan.gep.synth.SyntheticLandscape;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code liangshan gep synth --seed S --cell-size M --out DIR}: writes the illustrative (示意)
 * synthetic Quzhou landscape inside the real county outlines and the platform's village
 * boundaries (generated or imported), in the layout {@code gep run} reads.
 */
@Component
@Command(
        name = "gep synth",
        description = "生成示意合成景观 / write the illustrative synthetic landscape",
        mixinStandardHelpOptions = true)
class GepSynthCommand implements CliCommand {

    PrintStream stderr = System.err;

    private final Divisions divisions;

    @Option(names = "--seed", defaultValue = "1", description = "随机种子 / seed")
    long seed;

    @Option(names = "--cell-size", required = true, paramLabel = "M", description = "像元边长（米）/ cell size in metres")
    double cellSize;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    GepSynthCommand(Divisions divisions) {
        this.divisions = divisions;
    }

    @Override
    public Integer call() {
        List<SyntheticLandscape.Zone> counties = new ArrayList<>();
        List<SyntheticLandscape.Zone> villages = new ArrayList<>();
        for (Division county : divisions.children("3308")) {
            counties.add(zone(county));
            for (Division town : divisions.children(county.code())) {
                divisions.children(town.code()).forEach(v -> villages.add(zone(v)));
            }
        }
        try {
            SyntheticLandscape.Result result = SyntheticLandscape.generate(
                    seed, cellSize, counties, villages, PROJECTION, out, line -> stderr.println("… " + line));
            stderr.printf(
                    Locale.ROOT,
                    "已写出示意景观 / wrote the illustrative landscape: %s (%d × %d cells, %d villages)%n",
                    result.out(),
                    result.grid().width(),
                    result.grid().height(),
                    result.villages());
            return 0;
        } catch (IllegalArgumentException e) {
            stderr.println("参数有误 / bad input: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            stderr.println("无法写出 / cannot write: " + e.getMessage());
            return 2;
        }
    }

    private SyntheticLandscape.Zone zone(Division division) {
        Boundary boundary = divisions.boundary(division.code()).orElseThrow();
        return new SyntheticLandscape.Zone(division.code(), division.name(), boundary.gk120(), boundary.lonLat());
    }

    private static final SyntheticLandscape.Projection PROJECTION = new SyntheticLandscape.Projection() {
        @Override
        public double[] toGrid(double lon, double lat) {
            return Cgcs2000.toGk120(lon, lat);
        }

        @Override
        public double[] toLonLat(double x, double y) {
            Point p = (Point)
                    Cgcs2000.toLonLat(Cgcs2000.gkFactory().createPoint(new org.locationtech.jts.geom.Coordinate(x, y)));
            return new double[] {p.getX(), p.getY()};
        }
    };
}
