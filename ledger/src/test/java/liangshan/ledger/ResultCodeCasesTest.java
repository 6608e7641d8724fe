package liangshan.ledger;

import static liangshan.ledger.Asset.CNY;
import static liangshan.ledger.Asset.ECO_CREDIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One case per {@link ResultCode}: the case's last command must answer exactly that code, a rejection
 * must change nothing, and the ledger must stay sound. A code without a case fails the test.
 */
class ResultCodeCasesTest {

    private static final long MAX = Long.MAX_VALUE;
    private static final Map<ResultCode, Function<LedgerFixture, ResultCode>> CASES = new EnumMap<>(ResultCode.class);

    private static void when(ResultCode code, Function<LedgerFixture, ResultCode> scenario) {
        CASES.put(code, scenario);
    }

    private static TransferRequest with(
            TransferRequest r, long amount, Set<TransferFlag> flags, UUID pendingId, UUID reverses, Duration timeout) {
        return new TransferRequest(
                r.id(),
                r.debitAccountId(),
                r.creditAccountId(),
                amount,
                r.asset(),
                r.code(),
                r.references(),
                flags,
                pendingId,
                reverses,
                timeout);
    }

    private static ResultCode openAccount(LedgerFixture f, NewAccount account) {
        return f.ledger.createAccounts(List.of(account)).get(0).code();
    }

    static {
        when(ResultCode.OK, f -> f.submit(f.plain(f.open(CNY), f.open(CNY), 100, CNY)));
        when(ResultCode.EXISTS, f -> {
            TransferRequest t = f.plain(f.open(CNY), f.open(CNY), 100, CNY);
            f.submit(t);
            return f.submit(t);
        });
        when(ResultCode.LINKED_EVENT_FAILED, f -> {
            UUID a = f.open(CNY);
            UUID b = f.cash(CNY);
            return f.ledger
                    .submit(List.of(f.plain(a, b, 5, CNY).linked(), f.plain(b, a, 6, CNY)))
                    .get(0)
                    .code();
        });
        when(
                ResultCode.LINKED_EVENT_CHAIN_OPEN,
                f -> f.submit(f.plain(f.open(CNY), f.open(CNY), 1, CNY).linked()));
        when(ResultCode.EXISTS_WITH_DIFFERENT_FIELDS, f -> {
            TransferRequest t = f.plain(f.open(CNY), f.open(CNY), 100, CNY);
            f.submit(t);
            return f.submit(with(t, 101, t.flags(), null, null, null));
        });
        when(
                ResultCode.ID_MUST_NOT_BE_ZERO,
                f -> f.submit(TransferRequest.transfer(new UUID(0, 0), f.open(CNY), f.open(CNY), 1, CNY, "test.move")));
        when(
                ResultCode.ACCOUNT_CANNOT_BE_CREATED_CLOSED,
                f -> openAccount(f, new NewAccount(f.freshId(), CNY, "p", "test.account", Set.of(AccountFlag.CLOSED))));
        when(ResultCode.FLAGS_ARE_MUTUALLY_EXCLUSIVE, f -> {
            TransferRequest t = f.plain(f.open(CNY), f.open(CNY), 1, CNY);
            return f.submit(with(t, 1, Set.of(TransferFlag.PENDING, TransferFlag.VOID_PENDING), null, null, null));
        });
        when(
                ResultCode.OWNER_INVALID,
                f -> openAccount(f, NewAccount.unlimited(f.freshId(), CNY, " ", "test.account")));
        when(ResultCode.PURPOSE_INVALID, f -> openAccount(f, NewAccount.unlimited(f.freshId(), CNY, "p", "Cash Box")));
        when(ResultCode.REVERSAL_MUST_BE_PLAIN, f -> {
            UUID original = f.move(f.open(CNY), f.open(CNY), 5, CNY);
            TransferRequest r = TransferRequest.reversal(f.freshId(), original);
            return f.submit(with(r, 0, Set.of(TransferFlag.PENDING), null, original, null));
        });
        when(ResultCode.PENDING_ID_REQUIRED, f -> f.submit(TransferRequest.post(f.freshId(), null, 0)));
        when(ResultCode.PENDING_ID_NOT_ALLOWED, f -> {
            TransferRequest t = f.plain(f.open(CNY), f.open(CNY), 1, CNY);
            return f.submit(with(t, 1, Set.of(), f.freshId(), null, null));
        });
        when(ResultCode.TIMEOUT_RESERVED_FOR_PENDING, f -> {
            TransferRequest t = f.plain(f.open(CNY), f.open(CNY), 1, CNY);
            return f.submit(with(t, 1, Set.of(), null, null, Duration.ofHours(1)));
        });
        when(
                ResultCode.TIMEOUT_INVALID,
                f -> f.submit(TransferRequest.pending(
                        f.freshId(), f.open(CNY), f.open(CNY), 1, CNY, "test.hold", Duration.ZERO)));
        when(ResultCode.AMOUNT_MUST_NOT_BE_NEGATIVE, f -> f.submit(f.plain(f.open(CNY), f.open(CNY), -1, CNY)));
        when(ResultCode.DEBIT_ACCOUNT_REQUIRED, f -> f.submit(f.plain(null, f.open(CNY), 1, CNY)));
        when(ResultCode.CREDIT_ACCOUNT_REQUIRED, f -> f.submit(f.plain(f.open(CNY), null, 1, CNY)));
        when(ResultCode.ASSET_REQUIRED, f -> f.submit(f.plain(f.open(CNY), f.open(CNY), 1, null)));
        when(ResultCode.AMOUNT_MUST_NOT_BE_ZERO, f -> f.submit(f.plain(f.open(CNY), f.open(CNY), 0, CNY)));
        when(ResultCode.ACCOUNTS_MUST_BE_DIFFERENT, f -> {
            UUID a = f.open(CNY);
            return f.submit(f.plain(a, a, 1, CNY));
        });
        when(
                ResultCode.CODE_INVALID,
                f -> f.submit(TransferRequest.transfer(f.freshId(), f.open(CNY), f.open(CNY), 1, CNY, "Rent Payment")));
        when(
                ResultCode.REFERENCE_INVALID,
                f -> f.submit(f.plain(f.open(CNY), f.open(CNY), 1, CNY)
                        .withReferences(new TreeMap<>(Map.of("contract", " ")))));
        when(ResultCode.PENDING_NOT_FOUND, f -> f.submit(TransferRequest.post(f.freshId(), f.freshId(), 0)));
        when(ResultCode.NOT_A_PENDING_TRANSFER, f -> {
            UUID plain = f.move(f.open(CNY), f.open(CNY), 5, CNY);
            return f.submit(TransferRequest.voidPending(f.freshId(), plain));
        });
        when(ResultCode.DIFFERENT_FROM_PENDING, f -> {
            UUID hold = pending(f, f.open(CNY), f.open(CNY), 50, null);
            TransferRequest v = TransferRequest.voidPending(f.freshId(), hold);
            return f.submit(with(v, 49, v.flags(), hold, null, null));
        });
        when(ResultCode.PENDING_ALREADY_POSTED, f -> {
            UUID hold = pending(f, f.open(CNY), f.open(CNY), 50, null);
            f.submit(TransferRequest.post(f.freshId(), hold, 0));
            return f.submit(TransferRequest.voidPending(f.freshId(), hold));
        });
        when(ResultCode.PENDING_ALREADY_VOIDED, f -> {
            UUID hold = pending(f, f.open(CNY), f.open(CNY), 50, null);
            f.submit(TransferRequest.voidPending(f.freshId(), hold));
            return f.submit(TransferRequest.post(f.freshId(), hold, 10));
        });
        when(ResultCode.PENDING_EXPIRED, f -> {
            UUID hold = pending(f, f.open(CNY), f.open(CNY), 50, Duration.ofMinutes(30));
            f.clock.advance(Duration.ofMinutes(30));
            assertThat(f.ledger.expirePending()).isEqualTo(1);
            return f.submit(TransferRequest.post(f.freshId(), hold, 0));
        });
        when(ResultCode.EXCEEDS_PENDING_AMOUNT, f -> {
            UUID hold = pending(f, f.open(CNY), f.open(CNY), 50, null);
            return f.submit(TransferRequest.post(f.freshId(), hold, 51));
        });
        when(
                ResultCode.TRANSFER_TO_REVERSE_NOT_FOUND,
                f -> f.ledger.reverse(f.freshId(), f.freshId()).code());
        when(ResultCode.NOT_REVERSIBLE, f -> {
            UUID hold = pending(f, f.open(CNY), f.open(CNY), 50, null);
            return f.ledger.reverse(hold, f.freshId()).code();
        });
        when(ResultCode.ALREADY_REVERSED, f -> {
            UUID original = f.move(f.open(CNY), f.open(CNY), 5, CNY);
            f.ledger.reverse(original, f.freshId());
            return f.ledger.reverse(original, f.freshId()).code();
        });
        when(ResultCode.DIFFERENT_FROM_REVERSED, f -> {
            UUID original = f.move(f.open(CNY), f.open(CNY), 5, CNY);
            TransferRequest r = TransferRequest.reversal(f.freshId(), original);
            return f.submit(with(r, 4, Set.of(), null, original, null));
        });
        when(ResultCode.ACCOUNT_NOT_FOUND, f -> f.submit(f.plain(f.open(CNY), f.freshId(), 1, CNY)));
        when(ResultCode.ASSETS_MUST_MATCH, f -> f.submit(f.plain(f.open(CNY), f.open(ECO_CREDIT), 1, CNY)));
        when(ResultCode.ACCOUNT_CLOSED, f -> {
            UUID closed = f.open(CNY);
            f.ledger.closeAccount(closed);
            return f.submit(f.plain(f.open(CNY), closed, 1, CNY));
        });
        when(ResultCode.OVERFLOWS_DEBITS_PENDING, f -> {
            UUID source = f.open(CNY);
            pending(f, source, f.open(CNY), MAX, null);
            return f.submit(TransferRequest.pending(f.freshId(), source, f.open(CNY), 1, CNY, "test.hold", null));
        });
        when(ResultCode.OVERFLOWS_CREDITS_PENDING, f -> {
            UUID target = f.open(CNY);
            pending(f, f.open(CNY), target, MAX, null);
            return f.submit(TransferRequest.pending(f.freshId(), f.open(CNY), target, 1, CNY, "test.hold", null));
        });
        when(ResultCode.OVERFLOWS_DEBITS_POSTED, f -> {
            UUID source = f.open(CNY);
            f.move(source, f.open(CNY), MAX, CNY);
            return f.submit(f.plain(source, f.open(CNY), 1, CNY));
        });
        when(ResultCode.OVERFLOWS_CREDITS_POSTED, f -> {
            UUID target = f.open(CNY);
            f.move(f.open(CNY), target, MAX, CNY);
            return f.submit(f.plain(f.open(CNY), target, 1, CNY));
        });
        when(ResultCode.OVERFLOWS_DEBITS, f -> {
            UUID source = f.open(CNY);
            pending(f, source, f.open(CNY), MAX - 5, null);
            return f.submit(f.plain(source, f.open(CNY), 10, CNY));
        });
        when(ResultCode.OVERFLOWS_CREDITS, f -> {
            UUID target = f.open(CNY);
            pending(f, f.open(CNY), target, MAX - 5, null);
            return f.submit(f.plain(f.open(CNY), target, 10, CNY));
        });
        when(ResultCode.EXCEEDS_CREDITS, f -> {
            UUID cash = f.cash(CNY);
            f.move(f.open(CNY), cash, 100, CNY);
            return f.submit(f.plain(cash, f.open(CNY), 101, CNY));
        });
        when(ResultCode.EXCEEDS_DEBITS, f -> {
            UUID receivable = f.open(CNY, AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS);
            return f.submit(f.plain(f.open(CNY), receivable, 1, CNY));
        });
        when(ResultCode.ACCOUNT_ALREADY_CLOSED, f -> {
            UUID a = f.open(CNY);
            f.ledger.closeAccount(a);
            return f.ledger.closeAccount(a);
        });
        when(ResultCode.ACCOUNT_HAS_PENDING_TRANSFERS, f -> {
            UUID a = f.open(CNY);
            pending(f, f.open(CNY), a, 5, null);
            return f.ledger.closeAccount(a);
        });
    }

    private static UUID pending(LedgerFixture f, UUID debit, UUID credit, long amount, Duration timeout) {
        UUID id = f.freshId();
        assertThat(f.submit(TransferRequest.pending(id, debit, credit, amount, CNY, "test.hold", timeout)))
                .isEqualTo(ResultCode.OK);
        return id;
    }

    @ParameterizedTest
    @EnumSource(ResultCode.class)
    void everyCodeHasACaseThatProducesIt(ResultCode code) {
        assertThat(CASES).as("a case for %s", code).containsKey(code);
        LedgerFixture f = new LedgerFixture();
        ResultCode actual = CASES.get(code).apply(f);
        assertThat(actual).isEqualTo(code);
        if (!code.isSuccess()) {
            assertThat(f.snapshot()).as("a rejection changes nothing").isEqualTo(f.beforeLastCommand());
        }
        f.assertSound();
    }
}
