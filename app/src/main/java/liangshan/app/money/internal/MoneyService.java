package liangshan.app.money.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import liangshan.app.audit.AuditTrail;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.money.internal.MoneyViews.AccountView;
import liangshan.app.money.internal.MoneyViews.TransferView;
import liangshan.app.web.ApiException;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.ledger.Account;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.NewAccount;
import liangshan.ledger.ResultCode;
import liangshan.ledger.TransferRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who may do what with the ledger, and the audit of it. City administrators and cooperative operators
 * write, auditors read, each within the data scope of the divisions that own the accounts (an account's
 * division is kept in {@code money_account}). A batch is checked, applied and audited in the one
 * transaction {@link PgLedger#write} opens, so a refused or failed batch leaves neither money nor audit.
 */
@Service
class MoneyService {

    static final int MAX_BATCH = 500;
    private static final Set<Role> WRITERS = Set.of(Role.CITY_ADMIN, Role.COOPERATIVE_OPERATOR);
    private static final Set<Role> READERS = Set.of(Role.CITY_ADMIN, Role.COOPERATIVE_OPERATOR, Role.AUDITOR);

    private final PgLedger ledger;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    MoneyService(PgLedger ledger, JdbcClient jdbc, AuditTrail audit) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Opens an account; a retry with the same definition answers the stored account (nothing audited). */
    AccountView open(Actor actor, NewAccount request, String divisionCode, String name) {
        require(actor, WRITERS);
        if (!actor.scope().covers(divisionCode)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "money.out-of-scope", request.id());
        }
        return ledger.write(state -> {
            LedgerResult result =
                    ledger.engine(state).createAccounts(List.of(request)).get(0);
            if (result.code() == ResultCode.OK) {
                jdbc.sql("insert into money_account (account_id, division_code, name) values (?, ?, ?)")
                        .params(request.id(), divisionCode, name)
                        .update();
                AccountView view = AccountView.of(state.account(request.id()).orElseThrow(), divisionCode, name);
                audit.record(
                        "money.account.opened", "ledger_account", request.id().toString(), divisionCode, null, view);
                return view;
            }
            if (result.code() == ResultCode.EXISTS) {
                String stored = divisions(List.of(request.id())).get(request.id());
                if (divisionCode.equals(stored)) {
                    return AccountView.of(state.account(request.id()).orElseThrow(), divisionCode, name(request.id()));
                }
                throw rejection(ResultCode.EXISTS_WITH_DIFFERENT_FIELDS);
            }
            throw rejection(result.code());
        });
    }

    /**
     * Applies a batch (linked chains all-or-nothing) after checking that every account it touches is in the
     * actor's scope; audits the batch with each transfer's result.
     */
    List<LedgerResult> submit(Actor actor, List<TransferRequest> requests) {
        require(actor, WRITERS);
        if (requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "money.batch-size", MAX_BATCH);
        }
        return ledger.write(state -> {
            Set<UUID> touched = state.lockFor(requests, state.attemptedAt());
            Map<UUID, String> divisions = checkScope(actor, touched, state);
            List<LedgerResult> results = ledger.engine(state).submit(requests);
            List<Map<String, String>> summary = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                TransferRequest r = requests.get(i);
                Map<String, String> line = new LinkedHashMap<>();
                line.put("id", r.id().toString());
                line.put("code", results.get(i).code().name());
                if (r.pendingId() != null) {
                    line.put("pendingId", r.pendingId().toString());
                }
                if (r.reverses() != null) {
                    line.put("reverses", r.reverses().toString());
                }
                summary.add(line);
            }
            audit.record(
                    "money.transfers.submitted",
                    "ledger_transfer",
                    requests.get(0).id() + (requests.size() > 1 ? " +" + (requests.size() - 1) : ""),
                    commonDivision(divisions.values()),
                    null,
                    Map.of("results", summary));
            return results;
        });
    }

    /** Submits one request and answers it, or throws its rejection as a problem with its stable code. */
    LedgerResult submitOne(Actor actor, TransferRequest request) {
        LedgerResult result = submit(actor, List.of(request)).get(0);
        if (!result.isSuccess()) {
            throw rejection(result.code());
        }
        return result;
    }

    AccountView account(Actor actor, UUID id) {
        require(actor, READERS);
        String division = divisions(List.of(id)).get(id);
        Optional<Account> account = ledger.account(id);
        if (account.isEmpty() || division == null || !actor.scope().covers(division)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "money.account-not-found", id);
        }
        return AccountView.of(account.get(), division, name(id));
    }

    Page<AccountView> accounts(Actor actor, String divisionPrefix, PageRequest paging) {
        require(actor, READERS);
        String prefix = divisionPrefix == null || divisionPrefix.isBlank()
                ? actor.scope().divisionCode()
                : divisionPrefix;
        if (!actor.scope().covers(prefix)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "money.out-of-scope", prefix);
        }
        List<AccountView> items = jdbc.sql("select " + PgLedgerState.ACCOUNT_COLUMNS + ", m.division_code, m.name"
                        + PgLedgerState.ACCOUNT_FROM + " join money_account m on m.account_id = a.id"
                        + " where m.division_code like ? order by a.seq limit ? offset ?")
                .params(prefix + "%", paging.size(), paging.offset())
                .query((rs, n) ->
                        AccountView.of(PgLedgerState.account(rs), rs.getString("division_code"), rs.getString("name")))
                .list();
        long total = jdbc.sql("select count(*) from money_account where division_code like ?")
                .param(prefix + "%")
                .query(Long.class)
                .single();
        return paging.toPage(items, total);
    }

    /** The applied transfers of an account, newest first. */
    Page<TransferView> history(Actor actor, UUID accountId, PageRequest paging) {
        account(actor, accountId);
        String where =
                " from ledger_transfer t where t.result = 'OK' and (t.debit_account_id = ? or t.credit_account_id = ?)";
        List<TransferView> items = jdbc.sql(
                        "select t.*, (select status from ledger_pending p where p.transfer_id = t.id)"
                                + " as pending_status" + where + " order by t.seq desc limit ? offset ?")
                .params(accountId, accountId, paging.size(), paging.offset())
                .query((rs, n) -> TransferView.of(PgLedgerState.outcome(rs).transfer(), rs.getString("pending_status")))
                .list();
        long total = jdbc.sql("select count(*)" + where)
                .params(accountId, accountId)
                .query(Long.class)
                .single();
        return paging.toPage(items, total);
    }

    TransferView transfer(Actor actor, UUID id) {
        require(actor, READERS);
        var transfer = ledger.transfer(id)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "money.transfer-not-found", id));
        Map<UUID, String> divisions = divisions(List.of(transfer.debitAccountId(), transfer.creditAccountId()));
        if (divisions.values().stream().noneMatch(actor.scope()::covers)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "money.transfer-not-found", id);
        }
        return TransferView.of(
                transfer, ledger.pendingStatus(id).map(Enum::name).orElse(null));
    }

    private static Map<UUID, String> checkScope(Actor actor, Collection<UUID> accounts, PgLedgerState state) {
        Map<UUID, String> divisions = new HashMap<>();
        for (UUID id : accounts) {
            String division = state.division(id);
            if (division != null) {
                divisions.put(id, division);
            }
            // An account without a division (opened outside this module) is the city's.
            if (!actor.scope().covers(division == null ? "3308" : division)) {
                throw new ApiException(HttpStatus.FORBIDDEN, "money.out-of-scope", id);
            }
        }
        return divisions;
    }

    private Map<UUID, String> divisions(Collection<UUID> accounts) {
        Map<UUID, String> divisions = new HashMap<>();
        if (accounts.isEmpty()) {
            return divisions;
        }
        jdbc.sql("select account_id, division_code from money_account where account_id = any(cast(? as uuid[]))")
                .param(PgLedgerState.uuidArray(accounts))
                .query(rs -> {
                    divisions.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return divisions;
    }

    private String name(UUID id) {
        return jdbc.sql("select name from money_account where account_id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse("");
    }

    /** The smallest division containing all of {@code codes} (city, county, town or village), for the audit. */
    static String commonDivision(Collection<String> codes) {
        String common = null;
        for (String code : codes) {
            if (common == null) {
                common = code;
            } else {
                int n = 0;
                while (n < Math.min(common.length(), code.length()) && common.charAt(n) == code.charAt(n)) {
                    n++;
                }
                common = common.substring(0, n);
            }
        }
        if (common == null) {
            return "3308";
        }
        for (int length : new int[] {12, 9, 6, 4}) {
            if (common.length() >= length) {
                return common.substring(0, length);
            }
        }
        return "3308";
    }

    private static void require(Actor actor, Set<Role> roles) {
        if (roles.stream().noneMatch(actor::has)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "money.forbidden");
        }
    }

    /** The problem for a ledger rejection: {@code ledger.<code>} in lower case with dashes. */
    static ApiException rejection(ResultCode code) {
        HttpStatus status = code.kind() == ResultCode.Kind.REQUEST ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
        return new ApiException(status, problemCode(code));
    }

    static String problemCode(ResultCode code) {
        return "ledger." + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
