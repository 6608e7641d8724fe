/**
 * The shared vocabulary of all Liangshan modules, with no framework on its classpath: money in
 * integer fen, quantities with units, typed ids, accounting periods. Everything here is an
 * immutable value.
 */
package liangshan.kernel;
