/**
 * The eight regulating indicators of LS-2026.1 (§R1–§R8) as cell kernels, and the two-pass emission cap of water and air purification.
 */
package liangshan.gep.regulating;
