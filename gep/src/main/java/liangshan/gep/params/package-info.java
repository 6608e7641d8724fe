/**
 * Versioned parameter sets (class table, constants, prices, each value with a source and a placeholder flag), loaded from JSON and validated against the specs, identified by a canonical SHA-256.
 */
package liangshan.gep.params;
