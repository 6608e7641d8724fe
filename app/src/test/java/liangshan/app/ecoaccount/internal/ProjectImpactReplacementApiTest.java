package liangshan.app.ecoaccount.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.OptionalDouble;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import liangshan.app.web.ApiException;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.geotiff.GeoTiffWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/gep/project-impact} as multipart with an uploaded replacement land-cover
 * GeoTIFF, on the 5 × 5 forest set of {@link ProjectImpactApiTest}: the replacement that turns the
 * centre cell into built-up land (class 13) gives the same hand-computed Δ = −1910.35 元 as {@code
 * {"toClass": 13}}; a misaligned, Float32 or unknown-class raster is a 422 naming {@code
 * replacement.tif}; a missing part, a non-TIFF or a change given as well is a 400; an oversized
 * raster a 413.
 */
@IntegrationTest
class ProjectImpactReplacementApiTest {

    static final String BOUNDARY = "gep-replacement-boundary";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    GepInputSets inputSets;

    @Autowired
    ProjectImpactCounties counties;

    @TempDir
    Path tmp;

    String name;
    GridGeometry grid;
    ApiClient client;

    @BeforeEach
    void inputs() {
        name = TestAccounts.unique("projr");
        grid = ProjectImpactApiTest.write(inputSets.root().resolve(name), 2092);
        TestAccounts.Account investor = TestAccounts.create(context, "projr-inv", Role.INVESTOR, "3308");
        client = new ApiClient(port).signedIn(investor.username(), investor.password());
    }

    private String request(String change) {
        return "{\"inputs\":\"" + name + "\",\"params\":\"quzhou-2025-v1\",\"footprint\":"
                + ProjectImpactApiTest.lonLatRect(grid, 2, 2, 2, 2) + (change == null ? "" : ",\"change\":" + change)
                + "}";
    }

    /** A 5 × 5 forest raster on {@code g} with the centre cell set to {@code centre}. */
    private byte[] tif(GridGeometry g, CellType type, int centre) {
        float[] v = new float[25];
        Arrays.fill(v, 1);
        v[12] = centre;
        Path file = tmp.resolve("r-" + System.nanoTime() + ".tif");
        try (GeoTiffWriter w = GeoTiffWriter.create(file, g, type, OptionalDouble.of(0), 16)) {
            w.writeRows(v, 5);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApiClient.Response post(String requestJson, byte[] replacement) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (requestJson != null) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"request\"\r\n"
                            + "Content-Type: application/json\r\n\r\n" + requestJson + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (replacement != null) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"replacement\"; "
                            + "filename=\"after.tif\"\r\nContent-Type: image/tiff\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(replacement);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(
                "POST", "/api/v1/gep/project-impact", body.toByteArray(), "multipart/form-data; boundary=" + BOUNDARY);
    }

    @Test
    void a_replacement_raster_gives_the_same_delta_as_the_class_change() {
        ApiClient.Response r = post(request(null), tif(grid, CellType.UINT8, 13));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.path("cells").asInt()).isEqualTo(1);
        assertThat(j.path("year").asInt()).isEqualTo(2092);
        assertThat(j.path("totalDeltaYuan").asString()).isEqualTo("-1910.35");
        assertThat(j.path("classesAfter").path("13").asInt()).isEqualTo(1);
        assertThat(j.path("indicators").get(0).path("deltaYuan").asString()).isEqualTo("-582.87");
        assertThat(j.path("provenance").path("changeSha256").asString()).hasSize(64);
        // The same raster with the centre unchanged: no change at all.
        ApiClient.Response same = post(request(null), tif(grid, CellType.UINT8, 1));
        assertThat(same.json().path("totalDeltaYuan").asString()).isEqualTo("0.00");
    }

    @Test
    void rasters_the_engine_refuses_are_422_naming_the_replacement() {
        GridGeometry shifted =
                new GridGeometry(grid.crs(), grid.originX() + 5, grid.originY(), 10, 10, grid.width(), grid.height());
        ApiClient.Response misaligned = post(request(null), tif(shifted, CellType.UINT8, 13));
        assertThat(misaligned.status()).as(misaligned.body()).isEqualTo(422);
        assertThat(ApiClient.errorCodes(misaligned)).containsExactly("gep.project.change_misaligned");
        assertThat(ApiClient.errorFields(misaligned)).containsExactly(ProjectImpactService.REPLACEMENT_FILE);
        ApiClient.Response floats = post(request(null), tif(grid, CellType.FLOAT32, 13));
        assertThat(ApiClient.errorCodes(floats)).containsExactly("gep.input.wrong_sample_type");
        ApiClient.Response unknown = post(request(null), tif(grid, CellType.UINT8, 42));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(ApiClient.errorCodes(unknown)).containsExactly("gep.project.unknown_class");
        assertThat(unknown.json().path("messageEn").asString()).contains("42");
    }

    @Test
    void malformed_forms_are_400_problems() {
        assertThat(post(request(null), null).code()).isEqualTo("gep.project.replacement-required");
        ApiClient.Response notTiff = post(request(null), "GIF89a, not a tiff".getBytes(StandardCharsets.UTF_8));
        assertThat(notTiff.status()).isEqualTo(400);
        assertThat(notTiff.code()).isEqualTo("gep.project.replacement-not-tiff");
        ApiClient.Response both = post(request("{\"toClass\":13}"), tif(grid, CellType.UINT8, 13));
        assertThat(both.code()).isEqualTo("gep.project.bad-change");
        assertThat(post(null, tif(grid, CellType.UINT8, 13)).code()).isEqualTo("gep.project.footprint-required");
        assertThat(post("{not json", tif(grid, CellType.UINT8, 13)).code()).isEqualTo("request.malformed-json");
        assertThat(new ApiClient(port)
                        .send(
                                "POST",
                                "/api/v1/gep/project-impact",
                                ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8),
                                "multipart/form-data; boundary=" + BOUNDARY)
                        .status())
                .isIn(401, 403);
    }

    @Test
    void a_replacement_over_the_size_limit_is_413() {
        byte[] raster = tif(grid, CellType.UINT8, 13);
        ProjectImpactService limited =
                new ProjectImpactService(inputSets, counties, Clock.systemUTC(), raster.length - 1L);
        MockMultipartFile file = new MockMultipartFile("replacement", "after.tif", "image/tiff", raster);
        assertThatThrownBy(() -> limited.checkReplacement(file)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(413);
            assertThat(e.code()).isEqualTo("gep.project.replacement-too-large");
        });
        ProjectImpactService enough = new ProjectImpactService(inputSets, counties, Clock.systemUTC(), raster.length);
        enough.checkReplacement(file); // exactly at the limit: accepted
    }
}
