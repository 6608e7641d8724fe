/**
 * Declarations of the LS-2026.1 indicators: ids, names, method clauses, inputs, parameters with units and ranges, outputs. Specs drive validation; the conformance test walks them all.
 */
package liangshan.gep.spec;
