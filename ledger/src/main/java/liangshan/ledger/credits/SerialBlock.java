package liangshan.ledger.credits;

import java.util.List;
import java.util.Objects;

/**
 * An inclusive range of serial numbers of one batch in one state, held by one party (invariant 3 and 4).
 *
 * @param id registry-assigned, never reused
 * @param batchId the issuance batch the serials belong to
 * @param start first serial, ≥ 1
 * @param end last serial, ≥ start; the block counts end − start + 1 units
 * @param holder the party whose account holds the block (for BUFFER and PENDING: the project owner)
 * @param listingId the listing that escrows it, exactly when LISTED
 * @param obligationId the obligation it acquits, exactly when RETIRED
 * @param parentId the block it was split from, or null
 */
public record SerialBlock(
        long id,
        String batchId,
        long start,
        long end,
        BlockState state,
        String holder,
        String listingId,
        String obligationId,
        Long parentId) {

    public SerialBlock {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(holder, "holder");
        if (start < 1 || end < start) {
            throw new IllegalArgumentException("serial range must be 1 ≤ start ≤ end: " + start + ".." + end);
        }
        if ((state == BlockState.LISTED) != (listingId != null)) {
            throw new IllegalArgumentException("a block names a listing exactly when LISTED: " + id);
        }
        if ((state == BlockState.RETIRED) != (obligationId != null)) {
            throw new IllegalArgumentException("a block names an obligation exactly when RETIRED: " + id);
        }
    }

    /** end − start + 1. */
    public long count() {
        return end - start + 1;
    }

    /**
     * The block in {@code next} state held by {@code newHolder}; throws when the state machine forbids the
     * move (a programmer error: commands check first).
     */
    public SerialBlock moveTo(BlockState next, String newHolder, String newListingId, String newObligationId) {
        if (next != state && !state.canMoveTo(next)) {
            throw new IllegalStateException("illegal block transition " + state + " → " + next + " of " + id);
        }
        if (next == state && next != BlockState.ISSUED) {
            throw new IllegalStateException("only ISSUED blocks change holder without a transition: " + id);
        }
        return new SerialBlock(id, batchId, start, end, next, newHolder, newListingId, newObligationId, parentId);
    }

    /**
     * Splits off the first {@code headCount} serials: two blocks with new ids whose ranges partition this
     * one exactly, same state and holder, with this block as parent.
     */
    public List<SerialBlock> split(long headCount, long headId, long tailId) {
        if (headCount < 1 || headCount >= count()) {
            throw new IllegalArgumentException("a split leaves two non-empty parts: " + headCount + " of " + count());
        }
        long cut = start + headCount - 1;
        SerialBlock head = new SerialBlock(headId, batchId, start, cut, state, holder, listingId, obligationId, id);
        SerialBlock tail = new SerialBlock(tailId, batchId, cut + 1, end, state, holder, listingId, obligationId, id);
        return List.of(head, tail);
    }
}
