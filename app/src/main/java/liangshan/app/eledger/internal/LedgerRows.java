package liangshan.app.eledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import liangshan.app.eledger.internal.LedgerImport.Run;
import liangshan.app.eledger.internal.LedgerSheets.Kind;
import liangshan.app.eledger.internal.RightStore.Holder;
import liangshan.app.eledger.internal.RightStore.Source;
import liangshan.app.eledger.internal.WorkbookReader.Line;
import liangshan.app.identity.Actor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the rows of each sheet into the inputs of the single-record services and calls them (through
 * {@link Run#attempt}). Cell problems (a required cell empty, a date or number that does not parse, a
 * 编号 that names nothing) are found here; everything else is the services' own validation.
 * References: a 编号 defined earlier in the same file, else the id of an existing object of the village.
 */
@Component
class LedgerRows {

    private final ResourceService resources;
    private final ResourceStore resourceStore;
    private final PartyService parties;
    private final RightService rights;
    private final RightStore rightStore;
    private final TransferService transfers;

    LedgerRows(
            ResourceService resources,
            ResourceStore resourceStore,
            PartyService parties,
            RightService rights,
            RightStore rightStore,
            TransferService transfers) {
        this.resources = resources;
        this.resourceStore = resourceStore;
        this.parties = parties;
        this.rights = rights;
        this.rightStore = rightStore;
        this.transfers = transfers;
    }

    /** The cells of one row with the problems found while reading them. */
    private static final class Cells {
        private final Run run;
        private final Kind kind;
        private final Line line;
        private boolean ok = true;

        Cells(Run run, Kind kind, Line line) {
            this.run = run;
            this.kind = kind;
            this.line = line;
        }

        private void problem(String key, String code, Object... args) {
            ok = false;
            run.problem(kind, line.row(), kind.column(key).header(), code, args);
        }

        String text(String key) {
            String v = line.get(key);
            if (v == null && kind.column(key).required()) {
                problem(key, "eledger.import.required");
            }
            return v;
        }

        LocalDate date(String key) {
            String v = text(key);
            try {
                return v == null ? null : LocalDate.parse(v.replace('/', '-'));
            } catch (DateTimeParseException e) {
                problem(key, "eledger.import.bad-date", v);
                return null;
            }
        }

        Integer integer(String key) {
            String v = text(key);
            try {
                return v == null ? null : new BigDecimal(v).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                problem(key, "eledger.import.bad-number", v);
                return null;
            }
        }

        BigDecimal decimal(String key) {
            String v = text(key);
            try {
                return v == null ? null : new BigDecimal(v);
            } catch (NumberFormatException e) {
                problem(key, "eledger.import.bad-number", v);
                return null;
            }
        }

        /** The id a 编号 stands for: defined in this file, else an existing object accepted by {@code exists}. */
        String ref(String key, String kindCode, Predicate<String> exists) {
            String v = text(key);
            if (v == null) {
                return null;
            }
            String id = run.ids.get(kindCode).get(v);
            if (id == null && exists.test(v)) {
                id = v;
            }
            if (id == null) {
                problem(key, "eledger.import.unknown-reference", v);
            }
            return id;
        }
    }

    private boolean resourceExists(Run run, String id) {
        return resourceStore
                .find(id)
                .filter(r -> r.villageCode().equals(run.village))
                .isPresent();
    }

    private boolean partyExists(Run run, String id) {
        PartyService.PartyView p = parties.find(List.of(id)).get(id);
        return p != null && p.villageCode().equals(run.village);
    }

    private boolean rightExists(Run run, String id) {
        List<RightStore.Row> rows = rightStore.current(id);
        return !rows.isEmpty() && rows.get(0).villageCode().equals(run.village);
    }

    void resources(Run run, List<Line> lines) {
        Kind kind = LedgerSheets.RESOURCES;
        for (Line line : lines) {
            Cells c = new Cells(run, kind, line);
            String type = code(
                    Catalog.TYPES.stream()
                            .map(t -> new Catalog.Term(t.code(), t.nameZh(), t.nameEn()))
                            .toList(),
                    line.get("type"));
            List<Catalog.Term> subtypes = Catalog.TYPES.stream()
                    .filter(t -> t.code().equals(type))
                    .findFirst()
                    .map(Catalog.Type::subtypes)
                    .orElse(List.of());
            String name = c.text("name");
            c.text("type");
            String subtype = code(subtypes, c.text("subtype"));
            String status = code(Catalog.USE_STATUSES, c.text("useStatus"));
            List<String> directions = new ArrayList<>();
            String dirs = line.get("directions");
            if (dirs != null) {
                for (String d : dirs.split("[,，、;；\\s]+")) {
                    if (!d.isBlank()) {
                        directions.add(code(Catalog.DIRECTIONS, d.strip()));
                    }
                }
            }
            JsonNode geometry = geometry(c, c.text("geometry"));
            BigDecimal declared = c.decimal("declaredArea");
            if (!c.ok) {
                continue;
            }
            ResourceRequests.ResourceInput in = new ResourceRequests.ResourceInput(
                    name, type, subtype, status, line.get("condition"), directions, geometry, declared, null);
            ResourceRequests.ResourceView v =
                    run.attempt(kind, line, () -> resources.create(run.actor, run.village, in));
            remember(run, kind, line, v == null ? null : v.id());
        }
    }

    /** GeoJSON text, or "lon,lat" for a point; a text that is neither is the geometry's problem. */
    private static JsonNode geometry(Cells c, String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.startsWith("{")) {
                return JsonMapper.shared().readTree(text);
            }
            String[] parts = text.split("[,，\\s]+");
            if (parts.length == 2) {
                double lon = Double.parseDouble(parts[0]);
                double lat = Double.parseDouble(parts[1]);
                return JsonMapper.shared().readTree("{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]}");
            }
        } catch (RuntimeException e) {
            // reported below
        }
        c.problem("geometry", "eledger.geometry.malformed");
        return null;
    }

    void parties(Run run, List<Line> lines) {
        Kind kind = LedgerSheets.PARTIES;
        for (Line line : lines) {
            Cells c = new Cells(run, kind, line);
            String partyKind = code(Catalog.PARTY_KINDS, c.text("kind"));
            String name = c.text("name");
            List<PartyService.Member> members = new ArrayList<>();
            String text = line.get("members");
            if (text != null) {
                for (String m : text.split("[;；]")) {
                    if (m.isBlank()) {
                        continue;
                    }
                    String[] nr = m.split("[:：]", 2);
                    members.add(new PartyService.Member(nr[0].strip(), nr.length > 1 ? nr[1].strip() : ""));
                }
            }
            if (!c.ok) {
                continue;
            }
            PartyService.PartyInput in = new PartyService.PartyInput(partyKind, name, line.get("idNumber"), members);
            PartyService.PartyView v = run.attempt(kind, line, () -> parties.create(run.actor, run.village, in));
            remember(run, kind, line, v == null ? null : v.id());
        }
    }

    /**
     * Rights: rows with the same 权利编号 are the valid periods of one right, earliest first. The first
     * registers the right (to the last period's end), each further row is a change from its start date.
     * A right whose parent is defined later in the file waits for it (parents first).
     */
    void rights(Run run, List<Line> lines) {
        Map<String, List<Line>> groups = new LinkedHashMap<>();
        for (Line line : lines) {
            String ref = line.get("ref");
            if (ref == null) {
                new Cells(run, LedgerSheets.RIGHTS, line).text("ref");
                continue;
            }
            groups.computeIfAbsent(ref, k -> new ArrayList<>()).add(line);
        }
        Set<String> done = new HashSet<>();
        boolean progress = true;
        while (progress && done.size() < groups.size()) {
            progress = false;
            for (Map.Entry<String, List<Line>> g : groups.entrySet()) {
                String parent = g.getValue().get(0).get("parent");
                boolean waiting = parent != null && groups.containsKey(parent) && !done.contains(parent);
                if (done.contains(g.getKey()) || waiting) {
                    continue;
                }
                right(run, g.getKey(), g.getValue());
                done.add(g.getKey());
                progress = true;
            }
        }
        for (Map.Entry<String, List<Line>> g : groups.entrySet()) {
            if (!done.contains(g.getKey())) {
                // a cycle of parents: none of them can be registered
                right(run, g.getKey(), g.getValue());
            }
        }
    }

    private void right(Run run, String ref, List<Line> lines) {
        Kind kind = LedgerSheets.RIGHTS;
        String rightId = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Cells c = new Cells(run, kind, line);
            String resourceId = c.ref("resource", "resources", id -> resourceExists(run, id));
            String rightKind = code(allRightKinds(), c.text("kind"));
            String parent = line.get("parent") == null ? null : c.ref("parent", "rights", id -> rightExists(run, id));
            Integer rank = c.integer("rank");
            LocalDate from = c.date("validFrom");
            LocalDate to = c.date("validTo");
            List<Holder> holders = holders(run, c, line.get("holders"));
            c.text("holders");
            Source source = new Source(
                    c.text("sourceKind"),
                    c.text("sourceNumber"),
                    c.text("issuer"),
                    c.date("issuedOn"),
                    line.get("scanSha256"));
            if (!c.ok || i > 0 && rightId == null) {
                continue;
            }
            if (i == 0) {
                // registered to the end of its last period; each further row changes it from its start
                LocalDate end = lines.size() == 1
                        ? to
                        : quietDate(lines.get(lines.size() - 1).get("validTo"));
                RightService.RightInput in = new RightService.RightInput(
                        rightKind, parent, rank, from, end, holders, source, line.get("note"));
                RightStore.Row row = run.attempt(kind, line, () -> rights.create(run.actor, resourceId, in));
                rightId = row == null ? null : row.rightId();
                if (rightId != null) {
                    run.ids.get("rights").put(ref, rightId);
                }
            } else {
                String id = rightId;
                RightService.AmendInput in = new RightService.AmendInput(from, null, holders, source, line.get("note"));
                run.attempt(kind, line, () -> rights.amend(run.actor, id, in));
            }
        }
    }

    /** A date cell read without reporting (its own row reports it). */
    private static LocalDate quietDate(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.replace('/', '-'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "P1:1/2;P2:1/2" or a single "P1" (whole right). */
    private List<Holder> holders(Run run, Cells c, String text) {
        List<Holder> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[;；]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] ps = part.strip().split("[:：]", 2);
            String ref = ps[0].strip();
            String id = run.ids.get("parties").get(ref);
            if (id == null && partyExists(run, ref)) {
                id = ref;
            }
            if (id == null) {
                c.problem("holders", "eledger.import.unknown-reference", ref);
                continue;
            }
            long num = 1;
            long den = 1;
            if (ps.length > 1) {
                String[] nd = ps[1].strip().split("/", 2);
                try {
                    num = Long.parseLong(nd[0].strip());
                    den = nd.length > 1 ? Long.parseLong(nd[1].strip()) : 1;
                } catch (NumberFormatException e) {
                    c.problem("holders", "eledger.import.bad-number", ps[1]);
                    continue;
                }
            }
            out.add(new Holder(id, num, den));
        }
        return out;
    }

    void transfers(Run run, List<Line> lines) {
        Kind kind = LedgerSheets.TRANSFERS;
        for (Line line : lines) {
            Cells c = new Cells(run, kind, line);
            String resourceId = c.ref("resource", "resources", id -> resourceExists(run, id));
            String parent = c.ref("parent", "rights", id -> rightExists(run, id));
            String from = c.ref("transferor", "parties", id -> partyExists(run, id));
            String to = c.ref("transferee", "parties", id -> partyExists(run, id));
            LocalDate termFrom = c.date("termFrom");
            LocalDate termTo = c.date("termTo");
            Integer every = c.integer("every");
            String status =
                    line.get("status") == null ? "pending" : line.get("status").strip();
            if (!Set.of("pending", "approved", "rejected").contains(status)) {
                c.problem("status", "eledger.import.bad-status", status);
            }
            String operating =
                    "approved".equals(status) ? c.ref("operating", "rights", id -> rightExists(run, id)) : null;
            if ("approved".equals(status) && line.get("operating") == null) {
                c.problem("operating", "eledger.import.required");
            }
            String rent = c.text("rent");
            String paymentDay = c.text("paymentDay");
            String channel = c.text("channel");
            String contract = c.text("contract");
            if (!c.ok) {
                continue;
            }
            TransferService.TransferInput in = new TransferService.TransferInput(
                    resourceId,
                    parent,
                    from,
                    to,
                    termFrom,
                    termTo,
                    rent,
                    line.get("escalation"),
                    every,
                    paymentDay,
                    channel,
                    contract,
                    line.get("note"));
            Actor actor = run.actor;
            TransferStore.Transfer t = run.attempt(
                    kind,
                    line,
                    () -> "pending".equals(status)
                            ? transfers.submit(actor, run.village, in)
                            : transfers.recordDecided(actor, run.village, in, status, operating));
            remember(run, kind, line, t == null ? null : t.id());
        }
    }

    private static void remember(Run run, Kind kind, Line line, String id) {
        if (id != null && line.get("ref") != null) {
            run.ids.get(kind.code()).put(line.get("ref"), id);
        }
    }

    private static List<Catalog.Term> allRightKinds() {
        List<Catalog.Term> all = new ArrayList<>(Catalog.RIGHT_KINDS);
        all.addAll(Catalog.RESTRICTION_KINDS);
        return all;
    }

    /** The code of a value given as a code or as its Chinese name; unknown values pass unchanged. */
    static String code(List<Catalog.Term> terms, String value) {
        if (value == null) {
            return null;
        }
        for (Catalog.Term t : terms) {
            if (t.code().equals(value) || t.nameZh().equals(value)) {
                return t.code();
            }
        }
        return value;
    }
}
