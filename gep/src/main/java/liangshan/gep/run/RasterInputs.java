package liangshan.gep.run;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.spec.GepInputs;
import liangshan.gep.spec.InputSpec;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.RasterException;
import liangshan.raster.geotiff.GeoTiff;
import liangshan.raster.geotiff.GeoTiffBand;
import liangshan.raster.geotiff.TiffLayout;

/**
 * The raster files of a run, opened lazily ({@link GeoTiffBand}: one block row in memory each)
 * and checked before any pixel is computed: present, readable, not truncated, no-data declared,
 * all on the grid of {@code landcover.tif}.
 */
public final class RasterInputs implements AutoCloseable {

    /** One raster file: its name in the inputs directory, the spec input it feeds, its unit. */
    public record File(String fileName, String input, String unit) {}

    public static final File LAND_COVER = new File("landcover.tif", GepInputs.LAND_COVER.name(), "class");
    public static final File DEM = new File("dem.tif", "dem", "m");
    public static final List<File> FILES = List.of(
            LAND_COVER,
            DEM,
            new File("precip.tif", GepInputs.PRECIPITATION.name(), "mm"),
            new File("et.tif", GepInputs.EVAPOTRANSPIRATION.name(), "mm"),
            new File("r_factor.tif", GepInputs.RAINFALL_EROSIVITY.name(), "MJ·mm·hm⁻²·h⁻¹·a⁻¹"),
            new File("k_factor.tif", GepInputs.SOIL_ERODIBILITY.name(), "t·hm²·h·hm⁻²·MJ⁻¹·mm⁻¹"),
            new File("npp.tif", GepInputs.NPP.name(), "g C·m⁻²·a⁻¹"));

    private final Map<String, GeoTiffBand> bands;
    private final Map<String, Path> paths;
    private final GridGeometry grid;

    private RasterInputs(Map<String, GeoTiffBand> bands, Map<String, Path> paths, GridGeometry grid) {
        this.bands = bands;
        this.paths = paths;
        this.grid = grid;
    }

    public GridGeometry grid() {
        return grid;
    }

    /** The band feeding spec input {@code input} (or {@code dem}). */
    public GeoTiffBand band(String input) {
        return bands.get(input);
    }

    /** File paths by file name, in {@link #FILES} order. */
    public Map<String, Path> paths() {
        return paths;
    }

    /**
     * Opens every file; adds a problem naming the file for each that is missing, unreadable,
     * truncated, lacks a no-data declaration, or is off the land-cover grid. Returns {@code null}
     * (all files closed) when there was any problem.
     */
    public static RasterInputs open(Path dir, List<InputProblem> problems) {
        Map<String, GeoTiffBand> bands = new LinkedHashMap<>();
        Map<String, Path> paths = new LinkedHashMap<>();
        int before = problems.size();
        GridGeometry grid = null;
        for (File f : FILES) {
            Path p = dir.resolve(f.fileName());
            if (!Files.isRegularFile(p)) {
                problems.add(Csv.problem(f.fileName(), "input.missing_file", "文件不存在", "file is missing"));
                continue;
            }
            GeoTiffBand band = openOne(p, f, problems);
            if (band == null) {
                continue;
            }
            bands.put(f.input(), band);
            paths.put(f.fileName(), p);
            if (grid == null && f == LAND_COVER) {
                grid = band.grid();
            } else if (grid != null) {
                try {
                    grid.requireAlignedWith(band.grid(), LAND_COVER.fileName(), f.fileName());
                } catch (RasterException e) {
                    problems.add(rasterProblem(f.fileName(), e));
                }
            }
        }
        RasterInputs inputs = new RasterInputs(bands, paths, grid);
        if (problems.size() > before || grid == null) {
            inputs.close();
            return null;
        }
        return inputs;
    }

    private static GeoTiffBand openOne(Path p, File f, List<InputProblem> problems) {
        GeoTiffBand band;
        try {
            band = GeoTiff.open(p, f.unit());
        } catch (RasterException e) {
            problems.add(rasterProblem(f.fileName(), e));
            return null;
        } catch (UncheckedIOException e) {
            problems.add(Csv.problem(f.fileName(), "input.unreadable", "无法读取", "cannot be read"));
            return null;
        }
        int before = problems.size();
        TiffLayout layout = band.layout();
        long[] offsets = layout.offsets();
        long[] counts = layout.byteCounts();
        for (int b = 0; b < offsets.length; b++) {
            // A block past the end of the file means the TIFF was cut short (e.g. an interrupted
            // copy); checking the directory now avoids failing half-way through the run.
            if (counts[b] > 0 && offsets[b] + counts[b] > layout.fileSize()) {
                problems.add(Csv.problem(
                        f.fileName(),
                        "input.truncated",
                        "TIFF 文件不完整：数据块 " + b + " 需要字节 " + offsets[b] + ".." + (offsets[b] + counts[b]) + "，文件只有 "
                                + layout.fileSize() + " 字节",
                        "truncated TIFF: block " + b + " needs bytes " + offsets[b] + ".." + (offsets[b] + counts[b])
                                + " but the file has " + layout.fileSize()));
                break;
            }
        }
        InputSpec spec = f == DEM ? null : specOf(f.input());
        boolean needsNoData = spec == null || spec.noDataAllowed();
        if (needsNoData && band.noData().isEmpty()) {
            problems.add(
                    Csv.problem(
                            f.fileName(),
                            "input.missing_nodata",
                            "未声明无数据值（GDAL_NODATA）；该输入允许无数据像元，必须声明",
                            "declares no no-data value (GDAL_NODATA); this input allows no-data cells, so it must declare one"));
        }
        if (f == LAND_COVER && band.cellType() == CellType.FLOAT32) {
            problems.add(Csv.problem(
                    f.fileName(),
                    "input.wrong_sample_type",
                    "地类代码应为整数栅格（UInt8 或 Int16），实为 Float32",
                    "class codes must be an integer raster (UInt8 or Int16), found Float32"));
        }
        if (problems.size() > before) {
            band.close();
            return null;
        }
        return band;
    }

    private static InputSpec specOf(String input) {
        for (InputSpec s : List.of(
                GepInputs.LAND_COVER,
                GepInputs.PRECIPITATION,
                GepInputs.EVAPOTRANSPIRATION,
                GepInputs.RAINFALL_EROSIVITY,
                GepInputs.SOIL_ERODIBILITY,
                GepInputs.NPP)) {
            if (s.name().equals(input)) {
                return s;
            }
        }
        throw new IllegalArgumentException(input);
    }

    private static InputProblem rasterProblem(String file, RasterException e) {
        String code = "input." + e.reason().name().toLowerCase(java.util.Locale.ROOT);
        String zh =
                switch (e.reason()) {
                    case CRS_MISMATCH -> "坐标系与 landcover.tif 不同";
                    case MISALIGNED -> "栅格网格与 landcover.tif 不对齐（原点、像元大小或行列数不同），不会自动重采样";
                    case MALFORMED -> "不是有效的 GeoTIFF 或文件不完整";
                    case UNSUPPORTED -> "GeoTIFF 格式不受支持";
                    case MISSING_GEOREFERENCING -> "缺少地理参考（坐标系或像元大小）";
                    case ROTATED_GRID -> "网格有旋转，须为正北向";
                    case INVALID_INPUT -> "数据无效";
                };
        String detail = e.getMessage().startsWith(e.input() + ": ")
                ? e.getMessage().substring(e.input().length() + 2)
                : e.getMessage();
        return new InputProblem(code, file, file + "：" + zh + "（" + detail + "）", file + ": " + detail);
    }

    @Override
    public void close() {
        bands.values().forEach(GeoTiffBand::close);
    }
}
