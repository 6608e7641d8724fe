/**
 * Provisioning and cultural indicators from statistics tables, with allocation of county figures to villages in fen by largest remainder.
 */
package liangshan.gep.tables;
