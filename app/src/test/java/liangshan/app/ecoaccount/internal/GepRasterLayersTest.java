package liangshan.app.ecoaccount.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.platform.DataDirectory;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.geotiff.GeoTiffWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Map layers from a hand-made run: a 3000 × 1500 map at 20 m whose north-west corner is at
 * 118.6°E 29.2°N renders as a 2048 × 1024 PNG, its 4 × 4 no-data corner is transparent and the
 * corners lie in Quzhou (118.0–119.4°E, 28.2–29.5°N). Years 2093–2094 belong to this class.
 */
@IntegrationTest
class GepRasterLayersTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Divisions divisions;

    @Autowired
    DataDirectory dataDirectory;

    private Path writeMap(String runId, String indicator, int width, int height) throws IOException {
        Path maps = dataDirectory
                .dataDir()
                .resolve(GepRasterLayers.RUN_OUTPUT.formatted(runId))
                .resolve("maps");
        Files.createDirectories(maps);
        double[] nw = Cgcs2000.toGk120(118.6, 29.2);
        GridGeometry grid = new GridGeometry("EPSG:4549", nw[0], nw[1], 20, 20, width, height);
        Path tif = maps.resolve(indicator + ".tif");
        try (GeoTiffWriter w = GeoTiffWriter.create(tif, grid, CellType.FLOAT32, OptionalDouble.of(Double.NaN))) {
            float[] row = new float[width];
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    // 1 … 100 across, the 4 × 4 north-west cells no-data
                    row[c] = r < 4 && c < 4 ? Float.NaN : (c % 100) + 1;
                }
                w.writeRows(row, 1);
            }
        }
        return tif;
    }

    private HttpResponse<byte[]> bytes(ApiClient client, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "JSESSIONID=" + client.cookie("JSESSIONID"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void the_latest_run_map_renders_as_a_bounded_transparent_png_inside_quzhou() throws Exception {
        GepWarningTestData data = new GepWarningTestData(jdbc, divisions);
        String old = data.run(2093, "3308", Instant.parse("2093-03-01T00:00:00Z"));
        String latest = data.run(2093, "3308", Instant.parse("2093-04-01T00:00:00Z"));
        writeMap(old, "soil_retention", 40, 20);
        Path tif = writeMap(latest, "water_conservation", 3000, 1500);
        TestAccounts.Account admin = TestAccounts.create(context, "gr-admin", Role.CITY_ADMIN, "3308");
        ApiClient client = new ApiClient(port).signedIn(admin.username(), admin.password());

        ApiClient.Response list = client.get("/api/v1/gep/rasters?year=2093");
        assertThat(list.status()).isEqualTo(200);
        // only the latest run's maps: water conservation, not the older run's soil retention
        assertThat(list.json().size()).isEqualTo(1);
        JsonNode layer = list.json().get(0);
        assertThat(layer.path("indicator").asString()).isEqualTo("water_conservation");
        assertThat(layer.path("runId").asString()).isEqualTo(latest);
        assertThat(layer.path("url").asString()).isEqualTo("/api/v1/gep/rasters/2093/water_conservation.png");
        assertThat(layer.path("width").asInt()).isEqualTo(2048);
        assertThat(layer.path("height").asInt()).isEqualTo(1024);
        assertThat(layer.path("nameZh").asString()).isNotBlank();
        // pixels are means of ~1.46-column blocks of 1 … 100, so P2 ≈ 2 and P98 ≈ 98
        assertThat(Double.parseDouble(layer.path("min").asString())).isBetween(1.0, 4.0);
        assertThat(Double.parseDouble(layer.path("max").asString())).isBetween(96.0, 100.0);
        JsonNode bounds = layer.path("bounds");
        assertThat(bounds.size()).isEqualTo(4);
        for (JsonNode corner : bounds) {
            assertThat(corner.get(0).asDouble()).isBetween(118.0, 119.4);
            assertThat(corner.get(1).asDouble()).isBetween(28.2, 29.5);
        }
        assertThat(bounds.get(0).get(0).asDouble()).isCloseTo(118.6, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(bounds.get(0).get(1).asDouble()).isCloseTo(29.2, org.assertj.core.data.Offset.offset(1e-6));
        // 60 km east, 30 km south
        assertThat(bounds.get(1).get(0).asDouble()).isBetween(119.2, 119.25);
        assertThat(bounds.get(3).get(1).asDouble()).isBetween(28.92, 28.94);

        // Listing computed the legend only: no layer is rendered before its PNG is asked for.
        assertThat(tif.resolveSibling("water_conservation.legend.properties")).exists();
        assertThat(tif.resolveSibling("water_conservation.png")).doesNotExist();
        Path other = writeMap(latest, "carbon_sequestration", 50, 30);
        assertThat(client.get("/api/v1/gep/rasters?year=2093").json().size()).isEqualTo(2);

        HttpResponse<byte[]> png = bytes(client, "/api/v1/gep/rasters/2093/water_conservation.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(2048);
        assertThat(image.getHeight()).isEqualTo(1024);
        assertThat(image.getRGB(0, 0) >>> 24).isZero(); // no-data: transparent
        assertThat(image.getRGB(1000, 500) >>> 24).isEqualTo(0xff);
        assertThat(image.getRGB(2047, 1023) >>> 24).isEqualTo(0xff);
        assertThat(tif.resolveSibling("water_conservation.png")).exists();
        assertThat(Files.readAllBytes(tif.resolveSibling("water_conservation.png")))
                .isEqualTo(png.body());

        // Only the requested layer was rendered; the listed legend is the one the PNG used.
        assertThat(other.resolveSibling("carbon_sequestration.png")).doesNotExist();
        JsonNode again = null;
        for (JsonNode l : client.get("/api/v1/gep/rasters?year=2093").json()) {
            again = l.path("indicator").asString().equals("water_conservation") ? l : again;
        }
        assertThat(again).isNotNull();
        assertThat(again.path("min").asString()).isEqualTo(layer.path("min").asString());
        assertThat(again.path("max").asString()).isEqualTo(layer.path("max").asString());

        assertThat(client.get("/api/v1/gep/rasters/2093/soil_retention.png").code())
                .isEqualTo("gep.raster.not-found");
        assertThat(client.get("/api/v1/gep/rasters/2093/nonsense.png").status()).isEqualTo(404);
    }

    @Test
    void a_county_run_is_not_shown_to_another_county() throws Exception {
        GepWarningTestData data = new GepWarningTestData(jdbc, divisions);
        String run = data.run(2094, "330802", Instant.parse("2094-04-01T00:00:00Z"));
        writeMap(run, "carbon_sequestration", 30, 20);
        TestAccounts.Account own = TestAccounts.create(context, "gr-own", Role.COUNTY_OFFICER, "330802");
        TestAccounts.Account other = TestAccounts.create(context, "gr-other", Role.COUNTY_OFFICER, "330822");
        ApiClient ownClient = new ApiClient(port).signedIn(own.username(), own.password());
        ApiClient otherClient = new ApiClient(port).signedIn(other.username(), other.password());
        ApiClient.Response seen = ownClient.get("/api/v1/gep/rasters?year=2094");
        assertThat(seen.json().size()).isEqualTo(1);
        assertThat(seen.json().get(0).path("width").asInt()).isEqualTo(30); // small grids keep their size
        assertThat(bytes(ownClient, "/api/v1/gep/rasters/2094/carbon_sequestration.png")
                        .statusCode())
                .isEqualTo(200);
        assertThat(otherClient.get("/api/v1/gep/rasters?year=2094").json().size())
                .isZero();
        assertThat(otherClient
                        .get("/api/v1/gep/rasters/2094/carbon_sequestration.png")
                        .code())
                .isEqualTo("gep.raster.not-found");
        assertThat(new ApiClient(port).get("/api/v1/gep/rasters?year=2094").status())
                .isEqualTo(401);
    }
}
