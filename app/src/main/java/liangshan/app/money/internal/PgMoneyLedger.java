package liangshan.app.money.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import liangshan.app.money.MoneyLedger;
import liangshan.ledger.Account;
import liangshan.ledger.Asset;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.NewAccount;
import liangshan.ledger.ResultCode;
import liangshan.ledger.Transfer;
import liangshan.ledger.TransferRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link MoneyLedger} over {@link PgLedger}: the same engine, locks and tables as the money API, joined
 * to the caller's transaction (PgLedger's template propagates REQUIRED).
 */
@Component
class PgMoneyLedger implements MoneyLedger {

    private final PgLedger ledger;
    private final JdbcTemplate jdbc;

    PgMoneyLedger(PgLedger ledger, JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @Override
    public void open(List<AccountSpec> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        Map<UUID, AccountSpec> specs = new LinkedHashMap<>();
        accounts.forEach(a -> specs.put(a.id(), a));
        ledger.write(state -> {
            Map<UUID, String> known = new HashMap<>();
            jdbc.query(
                    "select account_id, division_code from money_account where account_id = any(cast(? as uuid[]))",
                    rs -> {
                        known.put(rs.getObject(1, UUID.class), rs.getString(2));
                    },
                    PgLedgerState.uuidArray(specs.keySet()));
            List<NewAccount> missing = new ArrayList<>();
            for (AccountSpec spec : specs.values()) {
                if (known.containsKey(spec.id())) {
                    if (!known.get(spec.id()).equals(spec.divisionCode())) {
                        throw new IllegalStateException("account " + spec.id() + " exists in another division");
                    }
                } else {
                    missing.add(
                            spec.noOverdraft()
                                    ? NewAccount.noOverdraft(spec.id(), Asset.CNY, spec.owner(), spec.purpose())
                                    : NewAccount.unlimited(spec.id(), Asset.CNY, spec.owner(), spec.purpose()));
                }
            }
            if (missing.isEmpty()) {
                return null;
            }
            state.lock(missing.stream().map(NewAccount::id).toList());
            List<LedgerResult> results = ledger.engine(state).createAccounts(missing);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                ResultCode code = results.get(i).code();
                if (code != ResultCode.OK && code != ResultCode.EXISTS) {
                    throw new IllegalStateException("account " + missing.get(i).id() + ": " + code);
                }
                AccountSpec spec = specs.get(missing.get(i).id());
                rows.add(new Object[] {spec.id(), spec.divisionCode(), spec.name()});
            }
            jdbc.batchUpdate(
                    "insert into money_account (account_id, division_code, name) values (?, ?, ?)"
                            + " on conflict (account_id) do nothing",
                    rows);
            return null;
        });
    }

    @Override
    public List<LedgerResult> createAccounts(List<NewAccount> accounts, String divisionCode) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return ledger.write(state -> {
            state.lock(accounts.stream().map(NewAccount::id).toList());
            List<LedgerResult> results = ledger.engine(state).createAccounts(accounts);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).code() == ResultCode.OK) {
                    NewAccount a = accounts.get(i);
                    rows.add(new Object[] {a.id(), divisionCode, a.purpose()});
                }
            }
            jdbc.batchUpdate(
                    "insert into money_account (account_id, division_code, name) values (?, ?, ?)"
                            + " on conflict (account_id) do nothing",
                    rows);
            return results;
        });
    }

    @Override
    public Optional<Account> account(UUID id) {
        return ledger.account(id);
    }

    @Override
    public List<LedgerResult> submit(List<TransferRequest> requests) {
        return ledger.submit(requests);
    }

    @Override
    public Map<UUID, Balance> balances(Collection<UUID> accountIds) {
        Map<UUID, Balance> out = new HashMap<>();
        if (accountIds.isEmpty()) {
            return out;
        }
        jdbc.query(
                "select account_id, credits_posted, debits_posted, debits_pending from ledger_balance"
                        + " where account_id = any(cast(? as uuid[]))",
                rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    out.put(id, new Balance(id, rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                },
                PgLedgerState.uuidArray(accountIds));
        return out;
    }

    @Override
    public List<Transfer> history(UUID accountId, int limit, long offset) {
        return jdbc.query(
                "select " + PgLedgerState.TRANSFER_COLUMNS + " from ledger_transfer where result = 'OK'"
                        + " and (debit_account_id = ? or credit_account_id = ?) order by seq desc limit ? offset ?",
                (rs, n) -> PgLedgerState.outcome(rs).transfer(),
                accountId,
                accountId,
                limit,
                offset);
    }

    @Override
    public Map<UUID, Transfer> transfers(Collection<UUID> transferIds) {
        Map<UUID, Transfer> out = new HashMap<>();
        if (transferIds.isEmpty()) {
            return out;
        }
        jdbc.query(
                "select " + PgLedgerState.TRANSFER_COLUMNS + " from ledger_transfer where result = 'OK'"
                        + " and id = any(cast(? as uuid[]))",
                rs -> {
                    Transfer t = PgLedgerState.outcome(rs).transfer();
                    out.put(t.id(), t);
                },
                PgLedgerState.uuidArray(transferIds));
        return out;
    }
}
