package liangshan.gep.spec;

/**
 * Clauses of the pinned method, edition {@value #EDITION}. Each clause carries the exact heading
 * or item text by which it starts in {@code liangshan/gep/method/LS-2026.1.md} (a copy of
 * gep-method.md shipped with the engine); the conformance test checks that every anchor is
 * present in that document, so a spec cannot cite a clause the method does not have.
 */
public enum MethodClause {
    GRIDS("§G", "## Grids and conventions"),
    R1_WATER_CONSERVATION("§R1", "1. Water conservation (水源涵养)"),
    R2_SOIL_RETENTION("§R2", "2. Soil retention (土壤保持)"),
    R3_FLOOD_REGULATION("§R3", "3. Flood regulation (洪水调蓄)"),
    R4_WATER_PURIFICATION("§R4", "4. Water purification (水环境净化)"),
    R5_AIR_PURIFICATION("§R5", "5. Air purification (空气净化)"),
    R6_CARBON_SEQUESTRATION("§R6", "6. Carbon sequestration (固碳)"),
    R7_OXYGEN_RELEASE("§R7", "7. Oxygen release (释氧)"),
    R8_CLIMATE_REGULATION("§R8", "8. Climate regulation (气候调节)"),
    PROVISIONING("§P", "- Provisioning:"),
    CULTURAL("§C", "- Cultural:"),
    PROJECT_LEVEL("§J", "## Project-level GEP"),
    DEFAULTS("§D", "## Default parameters and prices");

    /** The method edition this engine implements. */
    public static final String EDITION = "LS-2026.1";

    private final String section;
    private final String anchor;

    MethodClause(String section, String anchor) {
        this.section = section;
        this.anchor = anchor;
    }

    /** Short section label, e.g. {@code §R2}. */
    public String section() {
        return section;
    }

    /** Text with which the clause starts in the method document. */
    public String anchor() {
        return anchor;
    }

    /** Full citation, e.g. {@code LS-2026.1 §R2}. */
    public String citation() {
        return EDITION + " " + section;
    }
}
