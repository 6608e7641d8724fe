package liangshan.app.divisions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each role × own county / other county × read / write on divisions. Division names, codes and
 * boundaries are public reference data (everyone reads, signed in or not); replacing boundaries
 * is for the city administrator anywhere and a county officer in the own county only. A refused
 * import changes nothing.
 */
@IntegrationTest
class DivisionsAccessMatrixTest {

    /** Own county of the county-scoped roles (柯城区) and another county (常山县). */
    private static final String OWN = "330802";

    private static final String OTHER = "330822";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DivisionCatalog catalog;

    private BoundaryTableSnapshot saved;

    @AfterEach
    void restoreBoundaries() {
        if (saved != null) {
            saved.restore();
            catalog.invalidate();
        }
    }

    /** who, role, scope, then expected status: read own, read other, write own, write other. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                row("city-admin", Role.CITY_ADMIN, "3308", 200, 200, 200, 200),
                // a county officer may import, but every feature of another county is reported
                // as out of scope and the whole file is refused (422 with the feature listed)
                row("county-officer", Role.COUNTY_OFFICER, OWN, 200, 200, 200, 422),
                row("coop-operator", Role.COOPERATIVE_OPERATOR, OWN, 200, 200, 403, 403),
                row("village-accountant", Role.VILLAGE_ACCOUNTANT, "330802005200", 200, 200, 403, 403),
                row("bank-officer", Role.BANK_OFFICER, "3308", 200, 200, 403, 403),
                row("investor", Role.INVESTOR, "3308", 200, 200, 403, 403),
                row("auditor", Role.AUDITOR, "3308", 200, 200, 403, 403),
                row("anonymous", null, null, 200, 200, 401, 401));
    }

    private static Arguments row(String who, Role role, String scope, int... expected) {
        return Arguments.of(who, role, scope, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void accessMatrix(String who, Role role, String scope, int[] expected) {
        ApiClient client = new ApiClient(port);
        if (role != null) {
            TestAccounts.Account account = TestAccounts.create(context, "dm-" + who, role, scope);
            client.signedIn(account.username(), account.password());
        }
        String ownVillage = firstVillage(OWN);
        String otherVillage = firstVillage(OTHER);
        saved = BoundaryTableSnapshot.take(jdbc);

        int[] actual = {
            client.get("/api/v1/divisions/" + ownVillage).status(),
            client.get("/api/v1/divisions/" + otherVillage).status(),
            importStatus(client, ownVillage),
            importStatus(client, otherVillage)
        };
        assertThat(actual)
                .as(who + ": read own, read other, write own, write other")
                .containsExactly(expected);
    }

    /** Posts a slightly shrunk boundary of {@code village}; a refusal must leave the table as it was. */
    private int importStatus(ApiClient client, String village) {
        String before = BoundaryTableSnapshot.digest(jdbc);
        Map<String, Geometry> features = new LinkedHashMap<>();
        features.put(
                village,
                Cgcs2000.toLonLat(
                        divisions.boundary(village).orElseThrow().gk120().buffer(-2)));
        ApiClient.Response response = client.send(
                "POST",
                "/api/v1/divisions/boundaries",
                BoundaryImportIntegrationTest.featureCollection(features),
                "application/geo+json");
        if (response.status() != 200) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(BoundaryTableSnapshot.digest(jdbc))
                    .as("refused import changed nothing")
                    .isEqualTo(before);
        }
        return response.status();
    }

    private String firstVillage(String county) {
        List<liangshan.app.divisions.Division> towns = divisions.children(county);
        return divisions.children(towns.get(0).code()).get(0).code();
    }
}
