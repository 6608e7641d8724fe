/**
 * Value lines in 元 (quantity × price, fen scale, half-even) and their totals.
 */
package liangshan.gep.valuation;
