package liangshan.app.eledger.internal;

import java.time.LocalDate;
import java.util.List;
import liangshan.app.eledger.internal.PartyService.Member;

/**
 * What the demo generator makes for one village: parties, resources and right rows (with the rows a
 * correction superseded), plus the applications to submit and the resources that are ready for a
 * package. Written by {@link EledgerBulkWriter}; nothing here touches the database.
 *
 * @param village the village code
 * @param parties the collective, households (and the county cooperative when this village carries it)
 * @param resources resources inside the village, none overlapping another
 * @param rights every right row, superseded ones included, in the order they were recorded
 * @param applications pending transfers to submit through the transfer service
 * @param packageReady resources whose operating right is held by the collective or the cooperative over
 *     {@link EledgerDemoRights#PACKAGE_FROM} – {@link EledgerDemoRights#PACKAGE_TO} and that have no
 *     pending application
 * @param unsecured contracted resources without any operating right (a draft package's problem)
 */
record EledgerDemoPlan(
        String village,
        List<Party> parties,
        List<ResourceStore.Row> resources,
        List<RightStore.Row> rights,
        List<Application> applications,
        List<String> packageReady,
        List<String> unsecured) {

    /** A party row. */
    record Party(String id, String villageCode, String kind, String name, List<Member> members) {}

    /** A household's application to transfer its contract's operating right to the collective. */
    record Application(
            String resourceId,
            String contractRightId,
            String householdId,
            String collectiveId,
            LocalDate termFrom,
            LocalDate termTo,
            long annualRentYuan,
            String contractNumber) {}
}
