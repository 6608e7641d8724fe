/**
 * GEP accounting engine for method edition LS-2026.1, pure Java (no Spring, no JDBC): indicator
 * specs ({@code spec}), versioned parameter sets ({@code params}), cell kernels of the regulating
 * services ({@code cell}, {@code regulating}), table indicators of the provisioning and cultural
 * services ({@code tables}), valuation in 元 ({@code valuation}) and run provenance ({@code
 * provenance}). {@link liangshan.gep.Indicators} maps every spec to its implementation.
 */
package liangshan.gep;
