package liangshan.app.eledger.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import liangshan.app.audit.AuditTrail;
import liangshan.app.eledger.internal.LedgerImport.RowProblem;
import liangshan.app.eledger.internal.RegistryReconciliation.Registered;
import liangshan.app.eledger.internal.RightStore.Holder;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.app.web.Problems;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the registry records of a reconciliation report that the ledger lacks ("missing here") as
 * rights, all or nothing: one transaction, each record in a savepoint so that every problem is listed
 * (422 {@code eledger.import.invalid}, rows named by the extract's line and column, as for imports).
 * A record needs a resource named by its 不动产单元号 (the registry has no geometry); its holders are the
 * village's parties of those names (created when missing: the collective for an ownership, else
 * households); the parent is the parcel's current ownership (contract, homestead and construction-land
 * rights) or contract (operating rights); the right starts on 登记日期 and ends with its parent; the
 * source is the certificate. Every right goes through {@link RightService#register}, so the registry
 * rules and the audit trail apply. A report is imported once.
 */
@Service
class RegistryImport {

    static final String SHEET = RegistryReconciliation.REGISTRY.sheet();
    static final String ISSUER = "不动产登记机构";

    private final RegistryReconciliation reconciliation;
    private final RightService rights;
    private final RightStore store;
    private final ResourceService resources;
    private final PartyService parties;
    private final EledgerAccess access;
    private final JdbcClient jdbc;
    private final Problems problems;
    private final AuditTrail audit;
    private final TransactionTemplate outer;
    private final TransactionTemplate savepoint;

    RegistryImport(
            RegistryReconciliation reconciliation,
            RightService rights,
            RightStore store,
            ResourceService resources,
            PartyService parties,
            EledgerAccess access,
            JdbcClient jdbc,
            Problems problems,
            AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.reconciliation = reconciliation;
        this.rights = rights;
        this.store = store;
        this.resources = resources;
        this.parties = parties;
        this.access = access;
        this.jdbc = jdbc;
        this.problems = problems;
        this.audit = audit;
        this.outer = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Which lines of the extract to import (all missing records when absent) and whether to store. */
    record ImportInput(List<Integer> rows, Boolean dryRun) {}

    /** @param rights the extract's line → the id of the right registered for it */
    record Result(String reconciliationId, int rows, int imported, boolean dryRun, Map<Integer, String> rights) {}

    Result run(Actor actor, String id, ImportInput in) {
        RegistryReconciliation.Report report = reconciliation.find(actor, id);
        String village = report.villageCode();
        access.writableVillage(actor, village);
        Set<Integer> wanted = in == null || in.rows() == null ? null : Set.copyOf(in.rows());
        List<Registered> records = report.missingHere().stream()
                .filter(r -> wanted == null || wanted.contains(r.row()))
                .toList();
        if (records.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "eledger.registry.nothing-to-import");
        }
        boolean dryRun = in != null && Boolean.TRUE.equals(in.dryRun());
        List<RowProblem> found = new ArrayList<>();
        Map<Integer, String> ids = new LinkedHashMap<>();
        outer.executeWithoutResult(status -> {
            reconciliation.importedAtForUpdate(id).ifPresent(at -> {
                throw new ApiException(HttpStatus.CONFLICT, "eledger.registry.already-imported", at);
            });
            for (Registered reg : records) {
                attempt(reg, found, () -> ids.put(reg.row(), importOne(actor, village, reg, id, found)));
            }
            if (!found.isEmpty() || dryRun) {
                status.setRollbackOnly();
                return;
            }
            Instant now = rights.now();
            reconciliation.markImported(id, actor.username(), now);
            audit.record(
                    "eledger.registry.imported",
                    "eledger_registry_reconciliation",
                    id,
                    village,
                    null,
                    Map.of("rows", records.size(), "rights", ids));
        });
        if (!found.isEmpty()) {
            List<RowProblem> shown = found.subList(0, Math.min(LedgerImport.MAX_PROBLEMS, found.size()));
            throw new LedgerImport.Failed(
                    shown,
                    shown.stream()
                            .map(p -> new FieldProblem(
                                    p.sheet() + " 第" + p.row() + "行 / " + p.column(),
                                    p.code(),
                                    p.messageZh(),
                                    p.messageEn()))
                            .toList());
        }
        return new Result(id, records.size(), ids.size(), dryRun, ids);
    }

    /** Runs one record in a savepoint; a rejection becomes its problems (by column) and undoes it. */
    private void attempt(Registered reg, List<RowProblem> found, Runnable change) {
        int before = found.size();
        try {
            savepoint.executeWithoutResult(status -> {
                change.run();
                if (found.size() > before) {
                    status.setRollbackOnly();
                }
            });
        } catch (ApiException e) {
            if (e.fieldProblems().isEmpty()) {
                problem(found, reg, columnFor(e.code()), e.code(), e.args());
            }
            for (FieldProblem p : e.fieldProblems()) {
                problem(found, reg, columnFor(p.field()), p.code());
            }
        } catch (DataAccessException e) {
            problem(found, reg, "不动产单元号", "eledger.import.row-rejected");
        }
    }

    private String importOne(Actor actor, String village, Registered reg, String reportId, List<RowProblem> found) {
        int before = found.size();
        String kind = RegistryReconciliation.KINDS.get(reg.kind());
        if (kind == null) {
            problem(found, reg, "权利类型", "eledger.right.bad-kind");
        }
        LocalDate from = date(reg, found);
        String resourceId = reg.unitNo() == null ? null : resourceNamed(village, reg.unitNo());
        if (resourceId == null) {
            problem(found, reg, "不动产单元号", "eledger.registry.unknown-unit", String.valueOf(reg.unitNo()));
        }
        if (found.size() > before) {
            return null;
        }
        Row parent = parent(resourceId, kind, from);
        if (parent == null && RightRules.PARENT_KINDS.containsKey(kind) && !"operating".equals(kind)) {
            problem(found, reg, "权利类型", "eledger.registry.no-parent", reg.kind());
            return null;
        }
        List<Holder> holders = holders(actor, village, kind, reg);
        ResourceStore.Row resource = resources.readable(actor, resourceId);
        RightService.RightInput input = new RightService.RightInput(
                kind,
                parent == null ? null : parent.rightId(),
                null,
                from,
                parent == null ? null : parentEnd(parent.rightId()),
                holders,
                new RightStore.Source("certificate", reg.certificateNo(), ISSUER, from, null),
                "不动产单元号 " + reg.unitNo() + "；由不动产登记对账 " + reportId + " 第" + reg.row() + "行导入");
        return rights.register(actor, resource, input).rightId();
    }

    private LocalDate parentEnd(String rightId) {
        List<Row> rows = store.current(rightId);
        return rows.get(rows.size() - 1).validTo();
    }

    private LocalDate date(Registered reg, List<RowProblem> found) {
        if (reg.registeredOn() == null || reg.registeredOn().isBlank()) {
            problem(found, reg, "登记日期", "eledger.import.required");
            return null;
        }
        try {
            return LocalDate.parse(reg.registeredOn().strip().replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            problem(found, reg, "登记日期", "eledger.import.bad-date", reg.registeredOn());
            return null;
        }
    }

    private String resourceNamed(String village, String name) {
        return jdbc.sql("select id from eledger_resource where village_code = ? and name = ? and not retired"
                        + " order by created_at limit 1")
                .params(village, name.strip())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** The parcel's current right this one derives from, valid on {@code from}. */
    private Row parent(String resourceId, String kind, LocalDate from) {
        List<String> kinds =
                switch (kind) {
                    case "operating" -> List.of("contract", "ownership");
                    case "contract", "homestead_use", "homestead_eligibility", "construction_land_use" ->
                        List.of("ownership");
                    default -> List.of();
                };
        for (String k : kinds) {
            List<Row> rows = store.currentOverlapping(resourceId, k, from, from.plusDays(1));
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
        }
        return null;
    }

    /** The record's holders as parties of the village, each with an equal share (created when missing). */
    private List<Holder> holders(Actor actor, String village, String kind, Registered reg) {
        List<String> names = new ArrayList<>();
        for (String n : String.valueOf(reg.holder()).split("[、,，;；]")) {
            if (!n.isBlank()) {
                names.add(n.strip());
            }
        }
        List<PartyService.PartyView> known = parties.allOfVillage(village, true);
        List<Holder> out = new ArrayList<>();
        for (String name : names) {
            PartyService.PartyView p = known.stream()
                    .filter(x -> x.name().equals(name)
                            && (names.size() > 1
                                    || reg.idNumber() == null
                                    || reg.idNumber().equals(x.idNumber())))
                    .findFirst()
                    .orElse(null);
            String partyId = p != null
                    ? p.id()
                    : parties.create(
                                    actor,
                                    village,
                                    new PartyService.PartyInput(
                                            "ownership".equals(kind) ? "collective" : "household",
                                            name,
                                            names.size() == 1 ? reg.idNumber() : null,
                                            null))
                            .id();
            out.add(new Holder(partyId, 1, names.size()));
        }
        return out;
    }

    private static String columnFor(String fieldOrCode) {
        String f = String.valueOf(fieldOrCode);
        if (f.startsWith("holders") || f.startsWith("eledger.party") || f.equals("name") || f.equals("idNumber")) {
            return "权利人";
        }
        if (f.startsWith("source")) {
            return "证书号";
        }
        if (f.startsWith("valid") || f.contains("before-parent") || f.contains("outlives")) {
            return "登记日期";
        }
        if (f.equals("kind") || f.startsWith("parent")) {
            return "权利类型";
        }
        return "不动产单元号";
    }

    private void problem(List<RowProblem> found, Registered reg, String column, String code, Object... args) {
        found.add(new RowProblem(
                SHEET,
                reg.row(),
                column,
                code,
                problems.message(code, args, Locale.SIMPLIFIED_CHINESE),
                problems.message(code, args, Locale.ENGLISH)));
    }
}
