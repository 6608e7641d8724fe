package liangshan.app.eledger.internal;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liangshan.app.eledger.internal.RightStore.Holder;
import liangshan.app.eledger.internal.RightStore.Source;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import org.springframework.http.HttpStatus;

/**
 * The registry rules of docs rights-and-money.md (LADM/SOLA pattern) that need no database:
 * shares are integer fractions summing to exactly 1, every state has a source document, derived
 * rights need a parent of the right kind and stay inside its term.
 */
final class RightRules {

    private RightRules() {}

    /** Which kinds a right of each kind may derive from; absent = no parent. */
    static final Map<String, Set<String>> PARENT_KINDS = Map.of(
            "contract", Set.of("ownership"),
            "operating", Set.of("contract", "operating", "ownership", "forest", "construction_land_use"),
            "homestead_use", Set.of("ownership"),
            "construction_land_use", Set.of("ownership"),
            "lease", Set.of("ownership", "contract", "operating", "homestead_use", "forest", "construction_land_use"),
            "pledge", Set.of("contract", "operating", "forest", "construction_land_use"),
            "mortgage", Set.of("contract", "operating", "forest", "construction_land_use", "homestead_use"));

    static String category(String kind) {
        return Catalog.has(Catalog.RESTRICTION_KINDS, kind) ? "restriction" : "right";
    }

    static boolean isKind(String kind) {
        return Catalog.has(Catalog.RIGHT_KINDS, kind) || Catalog.has(Catalog.RESTRICTION_KINDS, kind);
    }

    /** Problems with holders, shares and source; {@code parties} are the ids that exist in scope. */
    static List<FieldProblem> checkState(List<Holder> holders, Source source, Set<String> parties) {
        List<FieldProblem> problems = new ArrayList<>();
        if (holders == null || holders.isEmpty()) {
            problems.add(p("holders", "eledger.right.no-holders"));
        } else {
            BigInteger num = BigInteger.ZERO;
            BigInteger den = BigInteger.ONE;
            Set<String> seen = new HashSet<>();
            boolean sharesOk = true;
            for (int i = 0; i < holders.size(); i++) {
                Holder h = holders.get(i);
                if (h == null || h.partyId() == null || !parties.contains(h.partyId()) || !seen.add(h.partyId())) {
                    problems.add(p("holders[" + i + "].partyId", "eledger.right.unknown-party"));
                    continue;
                }
                if (h.numerator() <= 0 || h.denominator() <= 0 || h.numerator() > h.denominator()) {
                    problems.add(p("holders[" + i + "]", "eledger.right.bad-share"));
                    sharesOk = false;
                    continue;
                }
                // num/den + a/b = (num·b + a·den) / (den·b), exact in BigInteger
                BigInteger a = BigInteger.valueOf(h.numerator());
                BigInteger b = BigInteger.valueOf(h.denominator());
                num = num.multiply(b).add(a.multiply(den));
                den = den.multiply(b);
            }
            if (sharesOk && problems.isEmpty() && !num.equals(den)) {
                problems.add(p("holders", "eledger.right.shares-not-one"));
            }
        }
        if (source == null
                || blank(source.kind())
                || blank(source.number())
                || blank(source.issuer())
                || source.issuedOn() == null) {
            problems.add(p("source", "eledger.right.source-missing"));
        } else if (source.scanSha256() != null && !source.scanSha256().matches("[0-9a-f]{64}")) {
            problems.add(p("source.scanSha256", "eledger.right.bad-checksum"));
        }
        return problems;
    }

    /** Rejects a derived period outside its parent's term {@code [parentFrom, parentTo)} (null = open). */
    static void checkInsideParent(LocalDate from, LocalDate to, LocalDate parentFrom, LocalDate parentTo) {
        if (from.isBefore(parentFrom)) {
            throw new ApiException(HttpStatus.CONFLICT, "eledger.right.before-parent", from, parentFrom);
        }
        if (parentTo != null && (to == null || to.isAfter(parentTo))) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "eledger.right.outlives-parent", to == null ? "-" : to, parentTo);
        }
    }

    static FieldProblem p(String field, String code) {
        return new FieldProblem(field, code, null, null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
