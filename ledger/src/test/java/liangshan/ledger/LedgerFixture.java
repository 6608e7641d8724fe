package liangshan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A ledger on a hand-moved clock with helpers that keep the tests short. Ids are small numbers. */
final class LedgerFixture {

    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    /** What a command may change: accounts, the journal and pending statuses. */
    record Snapshot(List<Account> accounts, List<Transfer> transfers, Map<UUID, PendingStatus> statuses) {}

    final MutableClock clock = new MutableClock(START);
    final LedgerEngine engine = Ledger.inMemory(clock);
    /** The engine behind a proxy that takes a {@link Snapshot} before each outermost command. */
    final Ledger ledger =
            (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class}, this::invoke);

    private long nextId = 1_000_000;
    private int depth;
    private Snapshot beforeLastCommand;

    private Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (depth == 0) {
            beforeLastCommand = snapshot();
        }
        depth++;
        try {
            return method.isDefault()
                    ? InvocationHandler.invokeDefault(proxy, method, args)
                    : method.invoke(engine, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            depth--;
        }
    }

    Snapshot snapshot() {
        Map<UUID, PendingStatus> statuses = new HashMap<>();
        engine.state()
                .transfers()
                .filter(Transfer::isPending)
                .forEach(t -> statuses.put(
                        t.id(), engine.state().pendingStatus(t.id()).orElseThrow()));
        return new Snapshot(
                engine.state().accounts().toList(), engine.state().transfers().toList(), statuses);
    }

    /** The state just before the last command sent through {@link #ledger}. */
    Snapshot beforeLastCommand() {
        return beforeLastCommand;
    }

    static UUID id(long n) {
        return new UUID(0, n);
    }

    UUID freshId() {
        return id(nextId++);
    }

    /** Opens an account and returns its id. */
    UUID open(Asset asset, AccountFlag... flags) {
        UUID id = freshId();
        Set<AccountFlag> set = flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags);
        List<LedgerResult> results =
                ledger.createAccounts(List.of(new NewAccount(id, asset, "party-" + id, "test.account", set)));
        assertThat(results.get(0).code()).isEqualTo(ResultCode.OK);
        return id;
    }

    /** An account that may not be overdrawn. */
    UUID cash(Asset asset) {
        return open(asset, AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    /** A transfer that must succeed; returns its id. */
    UUID move(UUID debit, UUID credit, long amount, Asset asset) {
        UUID id = freshId();
        assertThat(ledger.submit(TransferRequest.transfer(id, debit, credit, amount, asset, "test.move"))
                        .code())
                .isEqualTo(ResultCode.OK);
        return id;
    }

    TransferRequest plain(UUID debit, UUID credit, long amount, Asset asset) {
        return TransferRequest.transfer(freshId(), debit, credit, amount, asset, "test.move");
    }

    ResultCode submit(TransferRequest request) {
        return ledger.submit(request).code();
    }

    Account account(UUID id) {
        return ledger.account(id).orElseThrow();
    }

    /** credits_posted − debits_posted. */
    long balance(UUID id) {
        return account(id).creditBalancePosted();
    }

    void assertSound() {
        assertThat(LedgerInvariants.check(engine.state())).isEmpty();
    }
}
