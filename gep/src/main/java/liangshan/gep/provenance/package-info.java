/**
 * What a run used: method edition, parameter-set id and hash, SHA-256 of every input, engine version, clock times.
 */
package liangshan.gep.provenance;
