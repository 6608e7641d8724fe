package liangshan.ledger;

import static liangshan.ledger.Asset.CNY;
import static liangshan.ledger.Asset.ECO_CREDIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The checker must catch a broken ledger. The engine cannot produce one, so these tests write
 * inconsistent change sets straight into a state, as a faulty persistent implementation might.
 */
class LedgerInvariantsTest {

    private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
    private final InMemoryLedgerState state = new InMemoryLedgerState();

    private static UUID id(long n) {
        return LedgerFixture.id(n);
    }

    private static Account account(
            long n, Asset asset, Set<AccountFlag> flags, long dPend, long dPost, long cPend, long cPost) {
        return new Account(id(n), asset, "p", "test.account", flags, dPend, dPost, cPend, cPost, T);
    }

    private static TransferOutcome applied(Transfer t) {
        TransferRequest request = new TransferRequest(
                t.id(),
                t.debitAccountId(),
                t.creditAccountId(),
                t.amount(),
                t.asset(),
                t.code(),
                t.references(),
                t.flags(),
                t.pendingId(),
                t.reverses(),
                null);
        return new TransferOutcome(request, ResultCode.OK, t);
    }

    private static Transfer transfer(
            long n,
            long debit,
            long credit,
            long amount,
            Asset asset,
            Set<TransferFlag> flags,
            UUID pendingId,
            UUID reverses) {
        return new Transfer(
                id(n),
                id(debit),
                id(credit),
                amount,
                asset,
                "test.move",
                java.util.Collections.emptySortedMap(),
                flags,
                pendingId,
                reverses,
                null,
                T);
    }

    private void commit(
            List<Account> accounts,
            List<Transfer> transfers,
            Map<UUID, PendingStatus> statuses,
            Map<UUID, UUID> reversals) {
        state.commit(new ChangeSet(
                accounts, transfers.stream().map(LedgerInvariantsTest::applied).toList(), statuses, reversals));
    }

    private List<String> rules() {
        return LedgerInvariants.check(state).stream()
                .map(LedgerInvariants.Violation::rule)
                .distinct()
                .toList();
    }

    @Test
    void aConsistentLedgerHasNoViolations() {
        commit(
                List.of(account(1, CNY, Set.of(), 0, 5, 0, 0), account(2, CNY, Set.of(), 0, 0, 0, 5)),
                List.of(transfer(10, 1, 2, 5, CNY, Set.of(), null, null)),
                Map.of(),
                Map.of());
        assertThat(LedgerInvariants.check(state)).isEmpty();
    }

    @Test
    void aBalanceWithoutTransfersIsUnbalancedAndDoesNotRecompute() {
        commit(List.of(account(1, CNY, Set.of(), 0, 0, 0, 5)), List.of(), Map.of(), Map.of());
        assertThat(rules()).containsExactlyInAnyOrder("balanced.posted", "balances.recomputed");
    }

    @Test
    void pendingSumsMustBalanceToo() {
        commit(List.of(account(1, CNY, Set.of(), 3, 0, 0, 0)), List.of(), Map.of(), Map.of());
        assertThat(rules()).containsExactlyInAnyOrder("balanced.pending", "balances.recomputed");
    }

    @Test
    void anOverdrawnAccountBreaksItsFlag() {
        commit(
                List.of(
                        account(1, CNY, Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS), 0, 5, 0, 0),
                        account(2, CNY, Set.of(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS), 0, 0, 0, 5)),
                List.of(transfer(10, 1, 2, 5, CNY, Set.of(), null, null)),
                Map.of(),
                Map.of());
        assertThat(rules()).containsExactlyInAnyOrder("limit.debits", "limit.credits");
    }

    @Test
    void aClosedAccountWithPendingAmountsIsReported() {
        commit(
                List.of(account(1, CNY, Set.of(AccountFlag.CLOSED), 5, 0, 0, 0), account(2, CNY, Set.of(), 0, 0, 5, 0)),
                List.of(transfer(10, 1, 2, 5, CNY, Set.of(TransferFlag.PENDING), null, null)),
                Map.of(id(10), PendingStatus.PENDING),
                Map.of());
        assertThat(rules()).containsExactly("closed.pending");
    }

    @Test
    void aTransferBetweenAccountsOfAnotherAssetIsReported() {
        commit(
                List.of(account(1, ECO_CREDIT, Set.of(), 0, 5, 0, 0), account(2, ECO_CREDIT, Set.of(), 0, 0, 0, 5)),
                List.of(transfer(10, 1, 2, 5, CNY, Set.of(), null, null)),
                Map.of(),
                Map.of());
        assertThat(rules()).containsExactly("transfer.accounts");
    }

    @Test
    void aPendingMarkedPostedWithoutAPostIsReported() {
        commit(
                List.of(account(1, CNY, Set.of(), 0, 0, 0, 0), account(2, CNY, Set.of(), 0, 0, 0, 0)),
                List.of(transfer(10, 1, 2, 5, CNY, Set.of(TransferFlag.PENDING), null, null)),
                Map.of(id(10), PendingStatus.POSTED),
                Map.of());
        assertThat(rules()).containsExactly("pending.resolution");
    }

    @Test
    void aPostAboveThePendingAmountIsReported() {
        commit(
                List.of(account(1, CNY, Set.of(), 0, 6, 0, 0), account(2, CNY, Set.of(), 0, 0, 0, 6)),
                List.of(
                        transfer(10, 1, 2, 5, CNY, Set.of(TransferFlag.PENDING), null, null),
                        transfer(11, 1, 2, 6, CNY, Set.of(TransferFlag.POST_PENDING), id(10), null)),
                Map.of(id(10), PendingStatus.POSTED),
                Map.of());
        assertThat(rules()).containsExactly("pending.resolution");
    }

    @Test
    void aReversalThatDoesNotMirrorOrIsNotMarkedIsReported() {
        commit(
                List.of(account(1, CNY, Set.of(), 0, 5, 0, 4), account(2, CNY, Set.of(), 0, 4, 0, 5)),
                List.of(
                        transfer(10, 1, 2, 5, CNY, Set.of(), null, null),
                        transfer(11, 2, 1, 4, CNY, Set.of(), null, id(10))),
                Map.of(),
                Map.of());
        assertThat(LedgerInvariants.check(state)).hasSize(2).allMatch(v -> v.rule()
                .equals("reversal"));
    }
}
