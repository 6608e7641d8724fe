package liangshan.ledger.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import liangshan.ledger.Asset;
import liangshan.ledger.TransferRequest;
import org.junit.jupiter.api.Test;

/** Each invariant of credits-design.md, broken on purpose, is rejected or detected. */
class CreditInvariantsTest {

    private final CreditFixture f = new CreditFixture();
    private final String village = f.party("village.a", "330824", ProjectKind.VILLAGE);
    private final String firm = f.party("firm.b", "330824", ProjectKind.ENTERPRISE);

    @Test
    void invariant01_batchUnitsAreConservedAndNoBalanceGoesNegative() {
        String batch = f.issued(village, "330824", 1000, null);
        assertThat(f.registry.issuedBalance(village)).isEqualTo(900);
        assertThat(f.registry.units(BlockState.BUFFER)).isEqualTo(100);
        assertThat(f.run(new CreditCommand.Transfer(UUID.randomUUID(), village, firm, 901, 0, "gift"))
                        .code())
                .isEqualTo(CreditCode.INSUFFICIENT_CREDITS);
        assertThat(f.ledgerUnits(f.registry.accounts().holding(village))).isEqualTo(900);
        f.assertConsistent();

        // Break it: a block silently changes state without any counter or ledger entry.
        SerialBlock some = f.registry.state().blocks.firstEntry().getValue();
        f.registry
                .state()
                .blocks
                .put(
                        some.start(),
                        new SerialBlock(
                                some.id(),
                                batch,
                                some.start(),
                                some.end(),
                                BlockState.PENDING,
                                some.holder(),
                                null,
                                null,
                                null));
        assertThat(CreditInvariants.check(f.registry)).anyMatch(v -> v.startsWith("1:"));
    }

    @Test
    void invariant02_everyMovementIsADoubleEntryMirroredInTheLedger() {
        UUID a = UUID.randomUUID();
        assertThatThrownBy(() -> new Movement("b", a, a, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Movement("b", a, UUID.randomUUID(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        f.issued(village, "330824", 1000, null);
        CreditOutcome t = f.ok(new CreditCommand.Transfer(UUID.randomUUID(), village, firm, 250, 0, "gift"));
        assertThat(t.ledgerLegs()).singleElement().satisfies(leg -> {
            assertThat(leg.debitAccountId()).isEqualTo(f.registry.accounts().holding(village));
            assertThat(leg.creditAccountId()).isEqualTo(f.registry.accounts().holding(firm));
            assertThat(leg.amount()).isEqualTo(250);
        });
        f.assertConsistent();

        // Break it: credits move in the ledger behind the registry's back.
        f.ledger.submit(TransferRequest.transfer(
                UUID.randomUUID(),
                f.registry.accounts().holding(firm),
                f.registry.accounts().holding(village),
                1,
                Asset.ECO_CREDIT,
                "stray.move"));
        assertThat(CreditInvariants.check(f.registry)).anyMatch(v -> v.startsWith("2:"));
    }

    @Test
    void invariant03_serialRangesAreInclusiveDisjointSplitExactlyAndNeverReused() {
        assertThatThrownBy(() -> new SerialBlock(1, "b", 10, 9, BlockState.ISSUED, "x", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        SerialBlock block = new SerialBlock(1, "b", 10, 19, BlockState.ISSUED, "x", null, null, null);
        assertThat(block.count()).isEqualTo(10);
        List<SerialBlock> parts = block.split(3, 2, 3);
        assertThat(parts.get(0).end() + 1).isEqualTo(parts.get(1).start());
        assertThat(parts.get(0).count() + parts.get(1).count()).isEqualTo(10);
        assertThat(parts).allMatch(p -> p.parentId() == 1L);
        assertThatThrownBy(() -> block.split(10, 2, 3)).isInstanceOf(IllegalArgumentException.class);

        String b1 = f.issued(village, "330824", 1000, null);
        f.ok(new CreditCommand.Cancel(UUID.randomUUID(), village, b1, BlockState.ISSUED, 1000 - 100, "all"));
        String b2 = f.batch(village, "330824", 50, null);
        assertThat(f.registry.batch(b2).orElseThrow().start())
                .as("serials of cancelled credits are never handed out again")
                .isEqualTo(f.registry.batch(b1).orElseThrow().end() + 1);
        f.assertConsistent();

        // Break it: a block that overlaps another.
        SerialBlock first = f.registry.state().blocks.firstEntry().getValue();
        f.registry
                .state()
                .blocks
                .put(
                        first.start() + 1,
                        new SerialBlock(
                                999,
                                b1,
                                first.start() + 1,
                                first.start() + 1,
                                BlockState.ISSUED,
                                village,
                                null,
                                null,
                                null));
        assertThat(CreditInvariants.check(f.registry)).anyMatch(v -> v.startsWith("3:"));
    }

    @Test
    void invariant04_blocksFollowTheStateMachineAndRetiredOrCancelledAreFinal() {
        assertThat(BlockState.RETIRED.isFinal()).isTrue();
        assertThat(BlockState.CANCELLED.isFinal()).isTrue();
        assertThat(BlockState.PENDING.canMoveTo(BlockState.RETIRED)).isFalse();
        assertThat(BlockState.LISTED.canMoveTo(BlockState.RETIRED)).isFalse();
        SerialBlock retired = new SerialBlock(1, "b", 1, 5, BlockState.RETIRED, "x", null, "o", null);
        assertThatThrownBy(() -> retired.moveTo(BlockState.ISSUED, "x", null, null))
                .isInstanceOf(IllegalStateException.class);

        String batch = f.issued(village, "330824", 1000, null);
        String obligation = f.obligation(firm, "330824", 50, null);
        f.ok(new CreditCommand.Retire(UUID.randomUUID(), village, 500, obligation, firm, "self-balance"));
        assertThat(f.run(new CreditCommand.Cancel(UUID.randomUUID(), village, batch, BlockState.RETIRED, 1, "undo"))
                        .code())
                .isEqualTo(CreditCode.STATE_NOT_CANCELLABLE);
        f.ok(new CreditCommand.ListCredits(UUID.randomUUID(), "l1", village, 100, 800, "p1"));
        assertThat(f.run(new CreditCommand.Cancel(UUID.randomUUID(), village, batch, BlockState.LISTED, 1, "x"))
                        .code())
                .isEqualTo(CreditCode.STATE_NOT_CANCELLABLE);
        f.assertConsistent();
    }

    @Test
    void invariant05_retirementNamesObligationBeneficiaryReasonAndAcquitsOnlyWhenCovered() {
        f.issued(village, "330824", 10_000, null);
        String obligation = f.obligation(firm, "330824", 500, null); // 5.00 元 → 5000 units
        assertThat(f.run(new CreditCommand.Retire(UUID.randomUUID(), village, 10, obligation, " ", "r"))
                        .code())
                .isEqualTo(CreditCode.RETIREMENT_DETAILS_MISSING);
        assertThat(f.run(new CreditCommand.Retire(UUID.randomUUID(), village, 10, obligation, firm, null))
                        .code())
                .isEqualTo(CreditCode.RETIREMENT_DETAILS_MISSING);
        assertThat(f.run(new CreditCommand.Retire(UUID.randomUUID(), village, 10, "nope", firm, "r"))
                        .code())
                .isEqualTo(CreditCode.OBLIGATION_NOT_FOUND);
        f.ok(new CreditCommand.Retire(UUID.randomUUID(), village, 4999, obligation, firm, "offset"));
        assertThat(f.registry.obligation(obligation).orElseThrow().acquitted()).isFalse();
        assertThat(f.run(new CreditCommand.Retire(UUID.randomUUID(), village, 2, obligation, firm, "r"))
                        .code())
                .isEqualTo(CreditCode.EXCEEDS_OBLIGATION);
        f.ok(new CreditCommand.Retire(UUID.randomUUID(), village, 1, obligation, firm, "offset"));
        assertThat(f.registry.obligation(obligation).orElseThrow().acquitted()).isTrue();
        assertThat(f.run(new CreditCommand.Retire(UUID.randomUUID(), village, 1, obligation, firm, "r"))
                        .code())
                .isEqualTo(CreditCode.OBLIGATION_ALREADY_ACQUITTED);
        assertThat(f.registry.register())
                .filteredOn(e -> e.kind() == RegisterEntry.Kind.RETIREMENT)
                .allSatisfy(e -> assertThat(e.obligationId()).isEqualTo(obligation))
                .extracting(RegisterEntry::units)
                .containsExactly(4999L, 1L);
        f.assertConsistent();

        // Break it: the obligation claims more retired units than blocks retired against it.
        Obligation o = f.registry.state().obligations.get(obligation);
        f.registry.state().obligations.put(obligation, o.withRetired(o.retiredUnits() - 1));
        assertThat(CreditInvariants.check(f.registry)).anyMatch(v -> v.startsWith("5:"));
    }

    @Test
    void invariant06_noIssuanceWithoutVerificationPendingNotRetirableReleaseCappedByMilestones() {
        String batch = f.batch(village, "330824", 1000, null);
        assertThat(f.run(new CreditCommand.ProposeRelease(UUID.randomUUID(), "p-1", batch, "planting", "maker"))
                        .code())
                .isEqualTo(CreditCode.VERIFICATION_MISSING);
        f.ok(new CreditCommand.RecordVerification(UUID.randomUUID(), "v-0", batch, "planting", "w", "r", false));
        assertThat(f.run(new CreditCommand.ProposeRelease(UUID.randomUUID(), "p-1", batch, "planting", "maker"))
                        .code())
                .as("an incomplete verification does not count")
                .isEqualTo(CreditCode.VERIFICATION_MISSING);
        String obligation = f.obligation(firm, "330824", 10, null);
        assertThat(f.run(new CreditCommand.Retire(UUID.randomUUID(), village, 100, obligation, firm, "r"))
                        .code())
                .isEqualTo(CreditCode.PENDING_NOT_RETIRABLE);

        CreditOutcome first = f.release(batch, "planting");
        assertThat(first.units()).isEqualTo(400);
        assertThat(f.registry.issuedBalance(village)).isEqualTo(360);
        assertThat(f.registry.pendingBalance(village)).isEqualTo(600);
        f.ok(new CreditCommand.RecordVerification(UUID.randomUUID(), "v-9", batch, "planting", "w", "r2", true));
        assertThat(f.run(new CreditCommand.ProposeRelease(UUID.randomUUID(), "p-9", batch, "planting", "maker"))
                        .code())
                .isEqualTo(CreditCode.NOTHING_TO_RELEASE);
        f.assertConsistent();

        // Break it: the batch claims more released than its verified milestone allows.
        IssuanceBatch b = f.registry.state().batches.get(batch);
        f.registry.state().batches.put(batch, b.withReleased(401));
        assertThat(CreditInvariants.check(f.registry)).anyMatch(v -> v.startsWith("6:"));
    }

    @Test
    void invariant07_noOverlapOfLandAndPeriodUnlessTheStackingRuleAllows() {
        CreditProject first = f.project(village, "330824", "parcel-7", null, "p1");
        f.ok(new CreditCommand.RegisterProject(UUID.randomUUID(), first));
        CreditProject same = f.project(firm, "330824", "parcel-7", null, "p1");
        assertThat(f.run(new CreditCommand.RegisterProject(UUID.randomUUID(), same))
                        .code())
                .isEqualTo(CreditCode.LAND_OVERLAP);
        CreditProject later = new CreditProject(
                "later",
                ProjectKind.VILLAGE,
                "330824",
                firm,
                "fp",
                new LandClaim(Set.of("parcel-7"), CreditFixture.TO.plusDays(1), CreditFixture.TO.plusYears(5)),
                null,
                "p1",
                false);
        f.ok(new CreditCommand.RegisterProject(UUID.randomUUID(), later));
        CreditProject sinkNoStacking = new CreditProject(
                "sink-1",
                ProjectKind.ENTERPRISE,
                "330824",
                "carbon.co",
                "fp",
                new LandClaim(Set.of("parcel-7", "parcel-8"), CreditFixture.FROM, CreditFixture.FROM),
                null,
                "p1",
                true);
        assertThat(f.run(new CreditCommand.RegisterProject(UUID.randomUUID(), sinkNoStacking))
                        .code())
                .isEqualTo(CreditCode.LAND_OVERLAP);
        CreditProject sinkStacking = new CreditProject(
                "sink-2",
                ProjectKind.ENTERPRISE,
                "330824",
                "carbon.co",
                "fp",
                new LandClaim(Set.of("parcel-7"), CreditFixture.FROM, CreditFixture.FROM),
                null,
                "p2",
                true);
        f.ok(new CreditCommand.RegisterProject(UUID.randomUUID(), sinkStacking));
        CreditProject creditStacking = f.project(firm, "330824", "parcel-7", null, "p2");
        assertThat(f.run(new CreditCommand.RegisterProject(UUID.randomUUID(), creditStacking))
                        .code())
                .as("WITH_CARBON_SINK never lets two credit projects stack")
                .isEqualTo(CreditCode.LAND_OVERLAP);
        f.assertConsistent();

        // Break it: an overlapping project slipped in.
        f.registry.state().projects.put(same.id(), same);
        assertThat(CreditInvariants.check(f.registry)).anyMatch(v -> v.startsWith("7:"));
    }

    @Test
    void invariant08_historyIsAppendOnlyAndTamperEvident() {
        f.issued(village, "330824", 1000, null);
        f.ok(new CreditCommand.Transfer(UUID.randomUUID(), village, firm, 10, 0, "gift"));
        List<HistoryEntry> entries = f.registry.state().history.entries();
        assertThatThrownBy(() -> entries.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(f.registry.state().history.verify()).isEqualTo(-1);
        HistoryEntry e = entries.get(3);
        f.registry
                .state()
                .history
                .tamper(
                        3,
                        new HistoryEntry(
                                e.sequence(),
                                e.at(),
                                e.requestId(),
                                e.kind(),
                                e.payload() + " ",
                                e.movements(),
                                e.previousHash(),
                                e.hash()));
        assertThat(f.registry.state().history.verify()).isEqualTo(3);
        assertThat(CreditInvariants.check(f.registry)).anyMatch(v -> v.startsWith("8:"));
        // Recomputing the forged entry's own hash does not help: the next entry's link breaks.
        String rehash =
                History.hash(e.previousHash(), e.sequence(), e.at(), e.requestId(), e.kind(), "forged", e.movements());
        f.registry
                .state()
                .history
                .tamper(
                        3,
                        new HistoryEntry(
                                e.sequence(),
                                e.at(),
                                e.requestId(),
                                e.kind(),
                                "forged",
                                e.movements(),
                                e.previousHash(),
                                rehash));
        assertThat(f.registry.state().history.verify()).isEqualTo(4);
    }

    @Test
    void invariant09_issuanceNeedsTwoDifferentPeople() {
        assertThatThrownBy(() -> new ReleaseProposal("p", "b", "m", "li", "li", 1))
                .isInstanceOf(IllegalArgumentException.class);
        String batch = f.batch(village, "330824", 1000, null);
        f.ok(new CreditCommand.RecordVerification(UUID.randomUUID(), "v", batch, "acceptance", "w", "r", true));
        f.ok(new CreditCommand.ProposeRelease(UUID.randomUUID(), "p", batch, "acceptance", "li"));
        assertThat(f.run(new CreditCommand.ApproveRelease(UUID.randomUUID(), "p", "li"))
                        .code())
                .isEqualTo(CreditCode.MAKER_CHECKER_SAME_PERSON);
        assertThat(f.registry.issuedBalance(village)).isZero();
        f.ok(new CreditCommand.ApproveRelease(UUID.randomUUID(), "p", "zhao"));
        assertThat(f.run(new CreditCommand.ApproveRelease(UUID.randomUUID(), "p", "qian"))
                        .code())
                .isEqualTo(CreditCode.PROPOSAL_ALREADY_APPROVED);
        assertThat(f.registry.issuedBalance(village)).isEqualTo(900);
        f.assertConsistent();

        // Break it: a batch shows releases that no approved proposal accounts for.
        IssuanceBatch b = f.registry.state().batches.get(batch);
        f.registry.state().proposals.remove("p");
        assertThat(b.released()).isEqualTo(1000);
        assertThat(CreditInvariants.check(f.registry)).anyMatch(v -> v.startsWith("9:"));
    }

    @Test
    void invariant10_everyTransferSaleAndRetirementIsInThePublicRegisterWithDateAndPrice() {
        f.issued(village, "330824", 10_000, null);
        f.fund(firm, 100_000);
        f.ok(new CreditCommand.Transfer(UUID.randomUUID(), village, firm, 10, 0, "gift"));
        f.ok(new CreditCommand.ListCredits(UUID.randomUUID(), "l1", village, 3000, 1200, "p1"));
        f.ok(new CreditCommand.Buy(UUID.randomUUID(), "l1", firm, 2500, f.cash.get(firm)));
        String obligation = f.obligation(firm, "330824", 200, null);
        f.ok(new CreditCommand.Retire(UUID.randomUUID(), firm, 2000, obligation, firm, "offset"));
        List<RegisterEntry> register = f.registry.register();
        assertThat(register)
                .extracting(RegisterEntry::kind)
                .containsExactly(
                        RegisterEntry.Kind.ISSUANCE,
                        RegisterEntry.Kind.TRANSFER,
                        RegisterEntry.Kind.SALE,
                        RegisterEntry.Kind.RETIREMENT);
        RegisterEntry sale = register.get(2);
        assertThat(sale.at()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
        assertThat(sale.priceFenPerCredit()).isEqualTo(1200);
        assertThat(sale.amountFen()).isEqualTo(3000); // 2.5 credits × 12.00 元
        assertThat(sale.units()).isEqualTo(2500);
        f.assertConsistent();

        // Break it: a published line disappears.
        f.registry.state().register.remove(2);
        assertThat(CreditInvariants.check(f.registry)).anyMatch(v -> v.startsWith("10:"));
    }

    @Test
    void invariant11_everyCommandIsIdempotentByRequestId() {
        f.issued(village, "330824", 10_000, null);
        f.fund(firm, 100_000);
        f.ok(new CreditCommand.ListCredits(UUID.randomUUID(), "l1", village, 3000, 1000, "p1"));
        CreditCommand.Buy buy = new CreditCommand.Buy(UUID.randomUUID(), "l1", firm, 1000, f.cash.get(firm));
        CreditOutcome first = f.ok(buy);
        long firmUnits = f.registry.issuedBalance(firm);
        long firmCash = f.cashOf(firm);
        int history = f.registry.history().size();
        CreditOutcome retry = f.run(buy);
        assertThat(retry.replay()).isTrue();
        assertThat(retry.code()).isEqualTo(CreditCode.OK);
        assertThat(retry.ledgerLegs()).isEqualTo(first.ledgerLegs());
        // Even re-submitting the same legs to the ledger moves nothing: their ids are the first ones.
        assertThat(f.ledger.submit(retry.ledgerLegs()))
                .allSatisfy(r -> assertThat(r.code().name()).isEqualTo("EXISTS"));
        assertThat(f.registry.issuedBalance(firm)).isEqualTo(firmUnits).isEqualTo(1000);
        assertThat(f.cashOf(firm)).isEqualTo(firmCash).isEqualTo(99_000);
        assertThat(f.registry.history()).hasSize(history);
        CreditCommand.Buy other = new CreditCommand.Buy(buy.requestId(), "l1", firm, 5, f.cash.get(firm));
        assertThat(f.run(other).code()).isEqualTo(CreditCode.REQUEST_ID_REUSED);
        CreditCommand.Transfer tooMuch = new CreditCommand.Transfer(UUID.randomUUID(), firm, village, 5000, 0, "x");
        assertThat(f.run(tooMuch).code()).isEqualTo(CreditCode.INSUFFICIENT_CREDITS);
        f.ok(new CreditCommand.Transfer(UUID.randomUUID(), village, firm, 5000, 0, "top-up"));
        assertThat(f.run(tooMuch).code())
                .as("a rejection is remembered: the retry does not succeed later")
                .isEqualTo(CreditCode.INSUFFICIENT_CREDITS);
        f.assertConsistent();
    }

    @Test
    void invariant12_revenueSharesSumExactlyUnderAVersionedRule() {
        assertThatThrownBy(
                        () -> new RevenueShareRule("bad", Map.of(RevenueShare.VILLAGE, 8000, RevenueShare.FUNDS, 1999)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CreditFixture.RULE.split(1001))
                .containsEntry(RevenueShare.VILLAGE, 501L)
                .containsEntry(RevenueShare.HOUSEHOLDS, 300L)
                .containsEntry(RevenueShare.OPERATOR, 100L)
                .containsEntry(RevenueShare.FUNDS, 100L);
        UUID villageShare = UUID.randomUUID();
        UUID households = UUID.randomUUID();
        UUID operator = UUID.randomUUID();
        UUID funds = UUID.randomUUID();
        for (UUID id : List.of(villageShare, households, operator, funds)) {
            f.ledger.createAccounts(List.of(liangshan.ledger.NewAccount.noOverdraft(id, Asset.CNY, "v", "share")));
        }
        f.ok(new CreditCommand.OpenAccount(
                UUID.randomUUID(),
                new CreditParty(
                        "coop",
                        "330824",
                        ProjectKind.VILLAGE,
                        Map.of(
                                RevenueShare.VILLAGE,
                                villageShare,
                                RevenueShare.HOUSEHOLDS,
                                households,
                                RevenueShare.OPERATOR,
                                operator,
                                RevenueShare.FUNDS,
                                funds))));
        f.issued("coop", "330824", 10_000, null);
        f.fund(firm, 100_000);
        f.ok(new CreditCommand.ListCredits(UUID.randomUUID(), "l1", "coop", 5000, 7341, "p1"));
        f.ok(new CreditCommand.Buy(UUID.randomUUID(), "l1", firm, 1363, f.cash.get(firm)));
        long paid = CreditUnits.paymentFen(1363, 7341); // ⌈1363 × 7341 / 1000⌉ = 10006 fen
        assertThat(paid).isEqualTo(10_006);
        long[] received = {
            f.ledgerUnits(villageShare), f.ledgerUnits(households), f.ledgerUnits(operator), f.ledgerUnits(funds)
        };
        assertThat(received).containsExactly(5003, 3002, 1001, 1000);
        assertThat(received[0] + received[1] + received[2] + received[3]).isEqualTo(paid);
        assertThat(f.cashOf(firm)).isEqualTo(100_000 - paid);
        f.assertConsistent();
    }
}
