package liangshan.app.eledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import liangshan.app.audit.AuditTrail;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.kernel.id.Ulid;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parties (LADM {@code LA_Party}) registered in a village: households with their members, the village
 * collective economic organisation, the cooperative, enterprises and persons.
 */
@Service
class PartyService {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcClient jdbc;
    private final EledgerAccess access;
    private final AuditTrail audit;
    private final Clock clock;
    private final Random random = new Random();

    PartyService(JdbcClient jdbc, EledgerAccess access, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    record Member(String name, String relation) {}

    record PartyInput(String kind, String name, String idNumber, List<Member> members) {}

    /**
     * A party; {@code idNumber} is shown masked except its last 4 characters.
     *
     * @param number the party's stable number, by which a HOUSEHOLD user is linked to it
     */
    record PartyView(
            String id,
            String villageCode,
            String kind,
            String name,
            String idNumber,
            List<Member> members,
            int memberCount,
            Instant createdAt,
            long number) {}

    @Transactional
    PartyView create(Actor actor, String village, PartyInput in) {
        access.writableVillage(actor, village);
        List<FieldProblem> problems = new ArrayList<>();
        if (!Catalog.has(Catalog.PARTY_KINDS, in.kind())) {
            problems.add(new FieldProblem("kind", "eledger.party.bad-kind", null, null));
        }
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            problems.add(new FieldProblem("name", "eledger.party.bad-name", null, null));
        }
        List<Member> members = in.members() == null ? List.of() : in.members();
        if (!"household".equals(in.kind()) && !members.isEmpty()) {
            problems.add(new FieldProblem("members", "eledger.party.members-only-households", null, null));
        }
        for (Member m : members) {
            if (m == null || m.name() == null || m.name().isBlank()) {
                problems.add(new FieldProblem("members", "eledger.party.bad-member", null, null));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.party.invalid", problems);
        }
        String id = Ulid.next(clock, random).value();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        insert(id, village, in.kind(), in.name().strip(), in.idNumber(), members, actor.username(), now);
        long number = jdbc.sql("select number from eledger_party where id = ?")
                .param(id)
                .query(Long.class)
                .single();
        PartyView view = new PartyView(
                id, village, in.kind(), in.name().strip(), mask(in.idNumber()), members, members.size(), now, number);
        audit.record("eledger.party.created", "eledger_party", id, village, null, view);
        return view;
    }

    void insert(
            String id,
            String village,
            String kind,
            String name,
            String idNumber,
            List<Member> members,
            String by,
            Instant at) {
        jdbc.sql("""
                        insert into eledger_party (id, village_code, kind, name, id_number, members, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(
                        id,
                        village,
                        kind,
                        name,
                        idNumber,
                        JSON.writeValueAsString(members),
                        by,
                        java.sql.Timestamp.from(at))
                .update();
    }

    Page<PartyView> list(Actor actor, String village, String kind, String q, PageRequest page) {
        access.readableVillage(actor, village);
        String where =
                "where village_code = :v and (:k::text is null or kind = :k) and (:q::text is null or position(:q in name) > 0)";
        List<PartyView> items = jdbc.sql(
                        "select * from eledger_party " + where + " order by kind, name, id limit :l offset :o")
                .param("v", village)
                .param("k", kind)
                .param("q", q)
                .param("l", page.size())
                .param("o", page.offset())
                .query((rs, n) -> view(rs))
                .list();
        long total = jdbc.sql("select count(*) from eledger_party " + where)
                .param("v", village)
                .param("k", kind)
                .param("q", q)
                .query(Long.class)
                .single();
        return page.toPage(items, total);
    }

    /** A party the actor may read: in its scope, and for a household only its own party; 404 otherwise. */
    PartyView get(Actor actor, String id) {
        PartyView p = find(List.of(id)).get(id);
        boolean own = p != null && actor.isHousehold(p.number());
        if (p == null || !actor.canRead(p.villageCode()) || EledgerAccess.household(actor) && !own) {
            throw new ApiException(HttpStatus.NOT_FOUND, "eledger.party.not-found", id);
        }
        return p;
    }

    /** Parties by id (missing ids are absent from the map). */
    Map<String, PartyView> find(Collection<String> ids) {
        Map<String, PartyView> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select * from eledger_party where id = any(?::text[])")
                .param("{"
                        + String.join(
                                ",",
                                ids.stream()
                                        .map(s -> s.replaceAll("[^0-9A-Za-z]", ""))
                                        .toList()) + "}")
                .query((rs, n) -> view(rs))
                .list()
                .forEach(p -> out.put(p.id(), p));
        return out;
    }

    /**
     * Every party of a village in creation order, for the export; the id number unmasked when
     * {@code unmasked} (the caller may change the ledger, so it may see what it entered).
     */
    List<PartyView> allOfVillage(String village, boolean unmasked) {
        return jdbc.sql("select * from eledger_party where village_code = ? order by number")
                .param(village)
                .query((rs, n) -> {
                    PartyView v = view(rs);
                    return unmasked
                            ? new PartyView(
                                    v.id(),
                                    v.villageCode(),
                                    v.kind(),
                                    v.name(),
                                    rs.getString("id_number"),
                                    v.members(),
                                    v.memberCount(),
                                    v.createdAt(),
                                    v.number())
                            : v;
                })
                .list();
    }

    /** The party id a HOUSEHOLD actor acts for, if it exists in the actor's village; empty for other actors. */
    java.util.Optional<String> householdParty(Actor actor) {
        if (!EledgerAccess.household(actor) || actor.partyId().isEmpty()) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("select id from eledger_party where number = ? and village_code = ?")
                .params(actor.partyId().getAsLong(), actor.scope().divisionCode())
                .query(String.class)
                .optional();
    }

    /** The household's party id; 404 (as for any foreign object) when the linked party does not exist. */
    String ownParty(Actor actor) {
        return householdParty(actor)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "eledger.party.not-found", actor.partyId()));
    }

    private static PartyView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<Member> members = List.of(JSON.readValue(rs.getString("members"), Member[].class));
        return new PartyView(
                rs.getString("id"),
                rs.getString("village_code"),
                rs.getString("kind"),
                rs.getString("name"),
                mask(rs.getString("id_number")),
                members,
                members.size(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("number"));
    }

    static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() <= 4) {
            return idNumber;
        }
        return "*".repeat(idNumber.length() - 4) + idNumber.substring(idNumber.length() - 4);
    }
}
