/**
 * Eco credits (生态积分, 生态占补平衡): accounts, county pools, the restoration reserve library, obligations of
 * development projects from project-level GEP, the market and the public register, persisting the pure
 * registry core {@code liangshan.ledger.credits}. It owns the credit_* tables; credits and money move only
 * through {@link liangshan.app.money.MoneyLedger}.
 */
package liangshan.app.credits;
