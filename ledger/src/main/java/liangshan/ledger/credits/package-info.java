/**
 * The eco-credit registry (生态积分登记簿): credit projects, issuance batches, serial blocks and their
 * state machine, listings, transfers, obligations and retirements, the county pool, revenue shares, a
 * hash-chained history and the public register. Pure Java, no Spring, no JDBC.
 *
 * <p>Balances of credits live in {@link liangshan.ledger.Ledger} accounts of asset {@link
 * liangshan.ledger.Asset#ECO_CREDIT}: every registry command that moves credits submits one linked
 * ledger batch (credit legs, and for a sale the CNY legs too) and changes the registry only when the whole
 * batch was applied. The 12 invariants of credits-design.md are listed on {@link CreditInvariants}.
 */
package liangshan.ledger.credits;
