package liangshan.app.eledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of transfers, their approval tasks and the approval paths per county. */
@Repository
class TransferStore {

    static final List<String> DEFAULT_PATH = List.of("village", "town");

    private final JdbcClient jdbc;

    TransferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Transfer(
            String id,
            String villageCode,
            String resourceId,
            String parentRightId,
            String transferorPartyId,
            String transfereePartyId,
            LocalDate termFrom,
            LocalDate termTo,
            long annualRentFen,
            int escalationBp,
            int escalationEveryYears,
            String paymentDay,
            String channel,
            String contractNumber,
            String status,
            List<String> steps,
            int stepIndex,
            String applicant,
            Instant createdAt,
            Instant decidedAt,
            String operatingRightId,
            String rejectionCode,
            String note) {}

    record Task(
            long id,
            String transferId,
            int step,
            String level,
            String divisionCode,
            LocalDate dueOn,
            String status,
            String decidedBy,
            Instant decidedAt,
            String note) {}

    List<String> path(String county) {
        return jdbc.sql("select steps from eledger_approval_path where county_code = ?")
                .param(county)
                .query((rs, n) -> Arrays.asList((String[]) rs.getArray(1).getArray()))
                .optional()
                .orElse(DEFAULT_PATH);
    }

    void setPath(String county, List<String> steps, String by, Instant at) {
        jdbc.sql("""
                        insert into eledger_approval_path (county_code, steps, updated_by, updated_at)
                        values (?, ?::text[], ?, ?)
                        on conflict (county_code) do update set steps = excluded.steps,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(county, "{" + String.join(",", steps) + "}", by, Timestamp.from(at))
                .update();
    }

    void insert(Transfer t) {
        jdbc.sql("""
                        insert into eledger_transfer (id, village_code, resource_id, parent_right_id, transferor_party_id,
                            transferee_party_id, term_from, term_to, annual_rent_fen, escalation_bp,
                            escalation_every_years, payment_day, channel, contract_number, status, steps, step_index,
                            applicant, created_at, note)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?)""")
                .params(
                        t.id(),
                        t.villageCode(),
                        t.resourceId(),
                        t.parentRightId(),
                        t.transferorPartyId(),
                        t.transfereePartyId(),
                        t.termFrom(),
                        t.termTo(),
                        t.annualRentFen(),
                        t.escalationBp(),
                        t.escalationEveryYears(),
                        t.paymentDay(),
                        t.channel(),
                        t.contractNumber(),
                        t.status(),
                        "{" + String.join(",", t.steps()) + "}",
                        t.stepIndex(),
                        t.applicant(),
                        Timestamp.from(t.createdAt()),
                        t.note())
                .update();
    }

    Optional<Transfer> find(String id, boolean lock) {
        return jdbc.sql("select * from eledger_transfer where id = ?" + (lock ? " for update" : ""))
                .param(id)
                .query(TransferStore::transfer)
                .optional();
    }

    List<Transfer> list(String village, String status, int limit, long offset) {
        return list(village, status, null, limit, offset);
    }

    /** Transfers of a village, newest first; {@code party} (optional) must be the transferor or transferee. */
    List<Transfer> list(String village, String status, String party, int limit, long offset) {
        return jdbc.sql("select * from eledger_transfer " + WHERE + " order by created_at desc, id limit ? offset ?")
                .params(village, status, status, party, party, party, limit, offset)
                .query(TransferStore::transfer)
                .list();
    }

    long count(String village, String status) {
        return count(village, status, null);
    }

    long count(String village, String status, String party) {
        return jdbc.sql("select count(*) from eledger_transfer " + WHERE)
                .params(village, status, status, party, party, party)
                .query(Long.class)
                .single();
    }

    private static final String WHERE = "where village_code = ? and (cast(? as text) is null or status = ?)"
            + " and (cast(? as text) is null or transferor_party_id = ? or transferee_party_id = ?)";

    /** The pledgee's consent document recorded with a transfer, if any. */
    Optional<RightStore.Source> consent(String transferId) {
        return jdbc.sql("select pledgee_consent from eledger_transfer where id = ? and pledgee_consent is not null")
                .param(transferId)
                .query((rs, n) -> JSON.readValue(rs.getString(1), RightStore.Source.class))
                .optional();
    }

    void setConsent(String transferId, RightStore.Source consent) {
        jdbc.sql("update eledger_transfer set pledgee_consent = ?::jsonb where id = ?")
                .params(consent == null ? null : JSON.writeValueAsString(consent), transferId)
                .update();
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.shared();

    void advance(String id, int stepIndex) {
        jdbc.sql("update eledger_transfer set step_index = ? where id = ?")
                .params(stepIndex, id)
                .update();
    }

    void decide(String id, String status, Instant at, String operatingRightId, String rejectionCode) {
        jdbc.sql("update eledger_transfer set status = ?, decided_at = ?, operating_right_id = ?, rejection_code = ?"
                        + " where id = ?")
                .params(status, Timestamp.from(at), operatingRightId, rejectionCode, id)
                .update();
    }

    void insertTask(String transferId, int step, String level, String division, LocalDate dueOn) {
        jdbc.sql("insert into eledger_transfer_task (transfer_id, step, level, division_code, due_on, status)"
                        + " values (?, ?, ?, ?, ?, 'open')")
                .params(transferId, step, level, division, dueOn)
                .update();
    }

    void closeTask(String transferId, int step, String status, String by, Instant at, String note) {
        jdbc.sql("update eledger_transfer_task set status = ?, decided_by = ?, decided_at = ?, note = ?"
                        + " where transfer_id = ? and step = ? and status = 'open'")
                .params(status, by, Timestamp.from(at), note, transferId, step)
                .update();
    }

    List<Task> tasks(String transferId) {
        return jdbc.sql("select * from eledger_transfer_task where transfer_id = ? order by step")
                .param(transferId)
                .query(TransferStore::task)
                .list();
    }

    /** Open tasks whose deciding division lies in the scope (or contains it, for a narrower scope). */
    List<Task> openTasks(String scopePrefix) {
        return jdbc.sql("select * from eledger_transfer_task where status = 'open' and division_code like ?"
                        + " order by due_on, id limit 500")
                .param(scopePrefix + "%")
                .query(TransferStore::task)
                .list();
    }

    private static Task task(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("decided_at");
        return new Task(
                rs.getLong("id"),
                rs.getString("transfer_id"),
                rs.getInt("step"),
                rs.getString("level"),
                rs.getString("division_code"),
                rs.getDate("due_on").toLocalDate(),
                rs.getString("status"),
                rs.getString("decided_by"),
                at == null ? null : at.toInstant(),
                rs.getString("note"));
    }

    private static Transfer transfer(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Transfer(
                rs.getString("id"),
                rs.getString("village_code"),
                rs.getString("resource_id"),
                rs.getString("parent_right_id"),
                rs.getString("transferor_party_id"),
                rs.getString("transferee_party_id"),
                rs.getDate("term_from").toLocalDate(),
                rs.getDate("term_to").toLocalDate(),
                rs.getLong("annual_rent_fen"),
                rs.getInt("escalation_bp"),
                rs.getInt("escalation_every_years"),
                rs.getString("payment_day"),
                rs.getString("channel"),
                rs.getString("contract_number"),
                rs.getString("status"),
                Arrays.asList((String[]) rs.getArray("steps").getArray()),
                rs.getInt("step_index"),
                rs.getString("applicant"),
                rs.getTimestamp("created_at").toInstant(),
                decided == null ? null : decided.toInstant(),
                rs.getString("operating_right_id"),
                rs.getString("rejection_code"),
                rs.getString("note"));
    }
}
