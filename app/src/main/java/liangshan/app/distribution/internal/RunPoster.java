package liangshan.app.distribution.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import liangshan.app.audit.AuditTrail;
import liangshan.app.distribution.internal.RunStore.Line;
import liangshan.app.distribution.internal.RunStore.Run;
import liangshan.app.identity.Actor;
import liangshan.app.money.MoneyLedger;
import liangshan.app.money.MoneyLedger.AccountSpec;
import liangshan.app.web.ApiException;
import liangshan.ledger.Asset;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.ResultCode;
import liangshan.ledger.TransferRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts an approved run as ONE linked ledger batch in ONE transaction with the run's status change and
 * audit record, under the run's row lock:
 *
 * <ul>
 *   <li>twice, or concurrently: the second call waits for the lock, finds the run posted and answers it;
 *   <li>killed mid-way: the transaction never commits, so nothing of the batch or the status exists;
 *   <li>transfer ids are derived from the run and line, so even a post that bypassed the status (a bug)
 *       would be answered {@code EXISTS} by the ledger and move nothing twice;
 *   <li>a ledger rejection (e.g. not enough income in the village) rolls the whole transaction back — also
 *       the rejection the ledger would remember under the ids, so a later post can succeed.
 * </ul>
 */
@Component
class RunPoster {

    private final RunService service;
    private final RunStore runs;
    private final MoneyLedger money;
    private final AuditTrail audit;
    private final Clock clock;

    RunPoster(RunService service, RunStore runs, MoneyLedger money, AuditTrail audit, Clock clock) {
        this.service = service;
        this.runs = runs;
        this.money = money;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    RunView post(Actor actor, String id) {
        Run run = service.locked(actor, id);
        if (run.status().equals("posted")) {
            return service.view(run);
        }
        DistributionAccess.villageWrite(actor, run.villageCode());
        if (!run.status().equals("approved")) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.run.bad-state", run.status());
        }
        List<Line> lines = runs.lines(id, Integer.MAX_VALUE, 0);
        List<TransferRequest> batch = run.kind().equals("reversal") ? reversal(run, lines) : batch(run, lines);
        List<LedgerResult> results = money.submit(batch);
        for (LedgerResult r : results) {
            if (r.code() != ResultCode.OK
                    && r.code() != ResultCode.EXISTS
                    && r.code() != ResultCode.LINKED_EVENT_FAILED) {
                throw new ApiException(HttpStatus.CONFLICT, "distribution.run.rejected", ledgerCode(r.code()));
            }
        }
        if (results.stream().anyMatch(r -> !r.isSuccess())) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.run.rejected", "linked-event-failed");
        }
        runs.posted(id, actor.username(), clock.instant());
        Run after = runs.find(id, false).orElseThrow();
        Map<String, Object> change = RunService.summary(after);
        change.put("transfers", batch.size());
        change.put("firstTransferId", batch.get(0).id().toString());
        audit.record("distribution.run.posted", "dist_run", id, run.villageCode(), RunService.summary(run), change);
        return service.view(after);
    }

    /** Retention and household lines: village.income → village.retained / household.payout, linked. */
    private List<TransferRequest> batch(Run run, List<Line> lines) {
        String village = run.villageCode();
        List<AccountSpec> accounts = new ArrayList<>();
        accounts.add(DistributionAccounts.villageIncome(village));
        accounts.add(DistributionAccounts.villageRetained(village));
        UUID income = DistributionAccounts.villageIncomeId(village);
        List<TransferRequest> out = new ArrayList<>(lines.size() + 1);
        if (run.retentionTransferId() != null) {
            out.add(request(
                    run.retentionTransferId(),
                    income,
                    DistributionAccounts.villageRetainedId(village),
                    run.retentionFen(),
                    "distribution.retention",
                    refs(run, null)));
        }
        for (Line l : lines) {
            if (l.transferId() == null) {
                continue;
            }
            accounts.add(DistributionAccounts.household(l.partyId(), village));
            out.add(request(
                    l.transferId(),
                    income,
                    DistributionAccounts.householdId(l.partyId()),
                    l.amountFen(),
                    "distribution.household",
                    refs(run, l)));
        }
        money.open(accounts);
        return link(out);
    }

    /** The reversal of every transfer of the original run, linked. */
    private List<TransferRequest> reversal(Run run, List<Line> lines) {
        Run original = runs.find(run.reverses(), false).orElseThrow();
        Map<Integer, UUID> originalIds = new HashMap<>();
        for (Line l : runs.lines(original.id(), Integer.MAX_VALUE, 0)) {
            originalIds.put(l.lineNo(), l.transferId());
        }
        List<TransferRequest> out = new ArrayList<>(lines.size() + 1);
        if (run.retentionTransferId() != null) {
            out.add(TransferRequest.reversal(run.retentionTransferId(), original.retentionTransferId()));
        }
        for (Line l : lines) {
            if (l.transferId() != null) {
                out.add(TransferRequest.reversal(l.transferId(), originalIds.get(l.lineNo())));
            }
        }
        return link(out);
    }

    private static List<TransferRequest> link(List<TransferRequest> requests) {
        List<TransferRequest> out = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            out.add(i < requests.size() - 1 ? requests.get(i).linked() : requests.get(i));
        }
        return out;
    }

    private static TransferRequest request(
            UUID id, UUID debit, UUID credit, long fen, String code, SortedMap<String, String> refs) {
        return new TransferRequest(id, debit, credit, fen, Asset.CNY, code, refs, null, null, null, null);
    }

    private static SortedMap<String, String> refs(Run run, Line line) {
        SortedMap<String, String> refs = new TreeMap<>();
        refs.put("distribution.run", run.id());
        refs.put("period", run.period());
        refs.put("village", run.villageCode());
        if (line != null) {
            refs.put("party", line.partyId());
            refs.put("line", Integer.toString(line.lineNo()));
        }
        return refs;
    }

    static String ledgerCode(ResultCode code) {
        return code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
