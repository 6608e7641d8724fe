package liangshan.ledger.credits;

import java.util.EnumSet;
import java.util.Set;

/**
 * The status of a serial block (invariant 4). Allowed transitions, and nothing else:
 *
 * <pre>
 * PENDING → ISSUED | BUFFER | CANCELLED      (staged release; cancelled estimate)
 * ISSUED  → LISTED | RETIRED | CANCELLED     (a transfer keeps ISSUED and changes the holder)
 * LISTED  → ISSUED                           (bought: to the buyer; delisted: back to the seller)
 * BUFFER  → CANCELLED                        (a reversal covered by the buffer)
 * RETIRED, CANCELLED: final
 * </pre>
 */
public enum BlockState {
    /** Ex-ante estimate: counted, not yet a credit, not retirable, not transferable. */
    PENDING,
    /** A credit held in an account, free to list, transfer, retire or cancel. */
    ISSUED,
    /** In escrow under a listing. */
    LISTED,
    /** Used against an obligation; final. */
    RETIRED,
    /** Removed from circulation; final. */
    CANCELLED,
    /** Withheld at release as insurance against reversal. */
    BUFFER;

    /** Whether a block may go from this state to {@code next}. */
    public boolean canMoveTo(BlockState next) {
        return successors().contains(next);
    }

    public boolean isFinal() {
        return successors().isEmpty();
    }

    private Set<BlockState> successors() {
        switch (this) {
            case PENDING:
                return EnumSet.of(ISSUED, BUFFER, CANCELLED);
            case ISSUED:
                return EnumSet.of(LISTED, RETIRED, CANCELLED);
            case LISTED:
                return EnumSet.of(ISSUED);
            case BUFFER:
                return EnumSet.of(CANCELLED);
            default:
                return EnumSet.noneOf(BlockState.class);
        }
    }
}
