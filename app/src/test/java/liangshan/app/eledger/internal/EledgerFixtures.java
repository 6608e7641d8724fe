package liangshan.app.eledger.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.internal.RightService.RightInput;
import liangshan.app.eledger.internal.RightStore.Holder;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.eledger.internal.RightStore.Source;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Test villages, geometry (rectangles built in EPSG:4549 metres inside a village, sent as lon/lat GeoJSON) and
 * the e-ledger setup the tests share: parcels, parties and rights made through the services as the village's
 * accountant ({@link Ledger}).
 */
final class EledgerFixtures {

    private EledgerFixtures() {}

    /** The village's accountant as an actor (the services check the scope, not the user). */
    static Actor clerk(String village) {
        return new Actor(1, "clerk-" + village, Set.of(Role.VILLAGE_ACCOUNTANT), new DataScope(village));
    }

    /** A certificate issued 2010-01-01 as a right's source document. */
    static Source doc(String number) {
        return new Source("certificate", number, "开化县人民政府", LocalDate.of(2010, 1, 1), null);
    }

    /** One holder with the whole right. */
    static List<Holder> sole(String party) {
        return List.of(new Holder(party, 1, 1));
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Parcels, parties and rights through the services (scope, rules and audit as in production). */
    record Ledger(Divisions divisions, ResourceService resources, PartyService parties, RightService rights) {

        /** An idle {@code w × h} m parcel {@code dx} m east of the village's interior point; its id. */
        String parcel(
                Actor clerk, String village, String name, String type, String subtype, double dx, double w, double h) {
            return resources
                    .create(
                            clerk,
                            village,
                            new ResourceRequests.ResourceInput(
                                    name,
                                    type,
                                    subtype,
                                    "idle",
                                    "",
                                    List.of(),
                                    tools.jackson.databind.json.JsonMapper.shared()
                                            .valueToTree(geoJson(rectangle(divisions, village, dx, 0, w, h))),
                                    null,
                                    null))
                    .id();
        }

        /** A 20 × 20 m idle farmland parcel {@code dx} m east of the village's interior point. */
        String farmland(Actor clerk, String village, String name, double dx) {
            return parcel(clerk, village, name, "farmland", "cultivated", dx, 20, 20);
        }

        /** A party of {@code kind} (collective, household, cooperative …) without members; its id. */
        String party(Actor clerk, String village, String kind, String name) {
            return partyView(clerk, village, kind, name, null).id();
        }

        PartyService.PartyView partyView(Actor clerk, String village, String kind, String name, String idNumber) {
            return parties.create(clerk, village, new PartyService.PartyInput(kind, name, idNumber, null));
        }

        /** The collective's ownership of {@code resource} from 2000-01-01, open-ended. */
        Row ownership(Actor clerk, String resource, String collective, Source source) {
            return rights.create(
                    clerk,
                    resource,
                    new RightInput("ownership", null, null, d("2000-01-01"), null, sole(collective), source, null));
        }

        /** A right of {@code kind} derived from {@code parent}, held by {@code holder} from {@code from} to {@code to}. */
        Row derived(
                Actor clerk,
                String resource,
                String kind,
                Row parent,
                String from,
                String to,
                String holder,
                Source source) {
            return rights.create(
                    clerk,
                    resource,
                    new RightInput(
                            kind,
                            parent.rightId(),
                            null,
                            d(from),
                            to == null ? null : d(to),
                            sole(holder),
                            source,
                            null));
        }
    }

    /** The {@code n}-th village (0-based) of the first town of {@code county}. */
    static String village(Divisions divisions, String county, int n) {
        List<Division> towns = divisions.children(county);
        return divisions.children(towns.get(0).code()).get(n).code();
    }

    /** A point inside the village, in EPSG:4549 metres. */
    static Coordinate inside(Divisions divisions, String village) {
        Point p = divisions.boundary(village).orElseThrow().gk120().getInteriorPoint();
        return p.getCoordinate();
    }

    /** A {@code w × h} m rectangle with its lower-left corner {@code dx, dy} m from the village's interior point. */
    static Geometry rectangle(Divisions divisions, String village, double dx, double dy, double w, double h) {
        Coordinate c = inside(divisions, village);
        double x = Math.round(c.x) + dx;
        double y = Math.round(c.y) + dy;
        return Cgcs2000.gkFactory().createPolygon(new Coordinate[] {
            new Coordinate(x, y),
            new Coordinate(x + w, y),
            new Coordinate(x + w, y + h),
            new Coordinate(x, y + h),
            new Coordinate(x, y)
        });
    }

    /** GeoJSON (lon/lat) of an EPSG:4549 geometry, as a map ready for a request body. */
    static Object geoJson(Geometry gk) {
        return tools.jackson.databind.json.JsonMapper.shared()
                .readValue(GeoJson.write(Cgcs2000.toLonLat(gk)), Map.class);
    }
}
