package liangshan.gep.project;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.cell.InvalidInputException;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.RasterException;
import liangshan.raster.geotiff.GeoTiff;
import liangshan.raster.geotiff.GeoTiffBand;

/** The replacement land-cover raster of a {@link LandCoverChange.Replacement}, checked against the grid. */
final class ReplacementCover implements AutoCloseable {

    private final Path path;
    private final GeoTiffBand band;

    private ReplacementCover(Path path, GeoTiffBand band) {
        this.path = path;
        this.band = band;
    }

    /**
     * Opens the replacement of {@code change}, or returns {@code null} for other changes.
     *
     * @throws InvalidInputException naming the file when it is missing, unreadable, not an integer
     *     raster, or not on the grid of {@code landcover.tif}
     */
    static ReplacementCover open(LandCoverChange change, GridGeometry grid) {
        if (!(change instanceof LandCoverChange.Replacement r)) {
            return null;
        }
        Path p = r.landCoverAfter();
        String name = String.valueOf(p.getFileName());
        if (!Files.isRegularFile(p)) {
            throw fail("input.missing_file", name, name + "：文件不存在", name + ": file is missing");
        }
        GeoTiffBand band;
        try {
            band = GeoTiff.open(p, "class");
        } catch (RasterException | UncheckedIOException e) {
            throw fail(
                    "input.unreadable",
                    name,
                    name + "：无法读取（" + e.getMessage() + "）",
                    name + ": cannot be read (" + e.getMessage() + ")");
        }
        try {
            grid.requireAlignedWith(band.grid(), "landcover.tif", name);
        } catch (RasterException e) {
            band.close();
            throw fail(
                    "project.change_misaligned",
                    name,
                    name + "：与 landcover.tif 的网格不一致（坐标系、原点、像元大小或行列数），不会自动重采样（" + e.getMessage() + "）",
                    name
                            + ": not on the grid of landcover.tif (CRS, origin, cell size or shape); nothing is resampled ("
                            + e.getMessage() + ")");
        }
        if (band.cellType() == CellType.FLOAT32) {
            band.close();
            throw fail(
                    "input.wrong_sample_type",
                    name,
                    name + "：地类代码应为整数栅格",
                    name + ": class codes must be an integer raster");
        }
        return new ReplacementCover(p, band);
    }

    private static InvalidInputException fail(String code, String input, String zh, String en) {
        return new InvalidInputException(List.of(new InputProblem(code, input, zh, en)));
    }

    Path path() {
        return path;
    }

    /** Class codes of the window, −1 for no-data. */
    int[] read(GridWindow w) {
        float[] raw = w.readWindow(band);
        int[] out = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = band.isNoData(raw[i]) ? -1 : (int) raw[i];
        }
        return out;
    }

    @Override
    public void close() {
        band.close();
    }
}
