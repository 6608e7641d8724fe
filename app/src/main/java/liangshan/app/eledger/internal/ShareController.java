package liangshan.app.eledger.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liangshan.app.identity.Actor;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.kernel.share.ShareQuantification;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/eledger/villages/{v}/share-quantification}: a 折股量化 proposal for households of
 * the village (a computation; nothing is stored until a package adopts it). Members default to the
 * household's registered members.
 */
@RestController
@RequestMapping("/api/v1/eledger")
class ShareController {

    private final PartyService parties;
    private final EledgerAccess access;
    private final CurrentActor currentActor;

    ShareController(PartyService parties, EledgerAccess access, CurrentActor currentActor) {
        this.parties = parties;
        this.access = access;
        this.currentActor = currentActor;
    }

    record HouseholdInput(String partyId, BigDecimal contractedAreaM2, Long members) {}

    record ShareInput(Long totalShares, String method, BigDecimal areaPercent, List<HouseholdInput> households) {}

    record HouseholdShares(String partyId, String name, BigDecimal contractedAreaM2, long members, long shares) {}

    record ShareAnswer(long totalShares, String method, BigDecimal areaPercent, List<HouseholdShares> households) {}

    @PostMapping("/villages/{village}/share-quantification")
    ShareAnswer quantify(@PathVariable String village, @RequestBody ShareInput in) {
        Actor actor = currentActor.get();
        access.readableVillage(actor, village);
        List<FieldProblem> problems = new ArrayList<>();
        ShareQuantification.Method method =
                switch (in.method() == null ? "" : in.method()) {
                    case "area" -> ShareQuantification.Method.AREA;
                    case "members" -> ShareQuantification.Method.MEMBERS;
                    case "mix" -> ShareQuantification.Method.MIX;
                    default -> null;
                };
        if (method == null) {
            problems.add(RightRules.p("method", "eledger.share.bad-method"));
        }
        if (in.totalShares() == null || in.totalShares() < 1) {
            problems.add(RightRules.p("totalShares", "eledger.share.bad-total"));
        }
        if (method == ShareQuantification.Method.MIX
                && (in.areaPercent() == null
                        || in.areaPercent().signum() < 0
                        || in.areaPercent().compareTo(BigDecimal.valueOf(100)) > 0)) {
            problems.add(RightRules.p("areaPercent", "eledger.share.bad-percent"));
        }
        List<HouseholdInput> households = in.households() == null ? List.of() : in.households();
        Map<String, PartyService.PartyView> found = parties.find(households.stream()
                .map(HouseholdInput::partyId)
                .filter(java.util.Objects::nonNull)
                .toList());
        BigDecimal[] areas = new BigDecimal[households.size()];
        long[] members = new long[households.size()];
        for (int i = 0; i < households.size(); i++) {
            HouseholdInput h = households.get(i);
            PartyService.PartyView p = found.get(h.partyId());
            if (p == null || !p.villageCode().equals(village) || !"household".equals(p.kind())) {
                problems.add(RightRules.p("households[" + i + "].partyId", "eledger.share.not-a-household"));
                continue;
            }
            areas[i] = h.contractedAreaM2() == null ? BigDecimal.ZERO : h.contractedAreaM2();
            members[i] = h.members() != null ? h.members() : p.memberCount();
            if (areas[i].signum() < 0 || members[i] < 0) {
                problems.add(RightRules.p("households[" + i + "]", "eledger.share.negative"));
            }
        }
        if (households.isEmpty()) {
            problems.add(RightRules.p("households", "eledger.share.no-households"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.share.invalid", problems);
        }
        long[] shares;
        try {
            shares = ShareQuantification.quantify(in.totalShares(), areas, members, method, in.areaPercent());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.share.zero-weight");
        }
        List<HouseholdShares> out = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            String id = households.get(i).partyId();
            out.add(new HouseholdShares(id, found.get(id).name(), areas[i], members[i], shares[i]));
        }
        return new ShareAnswer(in.totalShares(), in.method(), in.areaPercent(), out);
    }
}
