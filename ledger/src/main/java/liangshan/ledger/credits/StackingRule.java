package liangshan.ledger.credits;

/** Whether two projects may claim the same land in the same period (invariant 7). */
public enum StackingRule {
    /** No stacking: an overlap with any credit or carbon-sink project is rejected. */
    NONE,
    /** An eco-credit project may overlap a carbon-sink project, never another credit project. */
    WITH_CARBON_SINK,
    /** Overlaps are allowed (still recorded in history). */
    ALL
}
