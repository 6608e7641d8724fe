/**
 * Pure benefit computations of issue 5 (租金、期权转股、分红、提留、分配): retention with a cap, the
 * allocation of a village's distributable amount to households with priority rules, dividend policies and
 * option-to-equity conversion. All amounts are integer fen; every split is a largest-remainder
 * {@link liangshan.kernel.money.Allocation}, so parts always sum to their total exactly.
 */
package liangshan.kernel.money.benefit;
