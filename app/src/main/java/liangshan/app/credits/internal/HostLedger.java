package liangshan.app.credits.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import liangshan.app.money.MoneyLedger;
import liangshan.ledger.Account;
import liangshan.ledger.Ledger;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.NewAccount;
import liangshan.ledger.PendingStatus;
import liangshan.ledger.ResultCode;
import liangshan.ledger.Transfer;
import liangshan.ledger.TransferRequest;

/**
 * The {@link Ledger} the in-memory registry writes to. Live: the money module's PostgreSQL ledger,
 * joined to the command's transaction. Replaying: the registry re-applies commands that were committed
 * together with their ledger batch, so every leg is already stored; the answer is OK and nothing is
 * written.
 */
final class HostLedger implements Ledger {

    /** The division of the registry's ECO_CREDIT accounts in the money module (the whole city). */
    static final String DIVISION = "3308";

    private final MoneyLedger money;
    private boolean replaying;

    HostLedger(MoneyLedger money) {
        this.money = money;
    }

    void replaying(boolean value) {
        this.replaying = value;
    }

    @Override
    public List<LedgerResult> createAccounts(List<NewAccount> accounts) {
        if (replaying) {
            return accounts.stream()
                    .map(a -> new LedgerResult(a.id(), ResultCode.OK))
                    .toList();
        }
        return money.createAccounts(accounts, DIVISION);
    }

    @Override
    public ResultCode closeAccount(UUID accountId) {
        throw new UnsupportedOperationException("the credit registry never closes accounts");
    }

    @Override
    public List<LedgerResult> submit(List<TransferRequest> requests) {
        if (replaying) {
            return requests.stream()
                    .map(r -> new LedgerResult(r.id(), ResultCode.OK))
                    .toList();
        }
        return money.submit(requests);
    }

    @Override
    public int expirePending() {
        return 0;
    }

    @Override
    public Optional<Account> account(UUID id) {
        return money.account(id);
    }

    @Override
    public Optional<Transfer> transfer(UUID id) {
        return Optional.ofNullable(money.transfers(List.of(id)).get(id));
    }

    @Override
    public Optional<PendingStatus> pendingStatus(UUID pendingId) {
        return Optional.empty();
    }
}
