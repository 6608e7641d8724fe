/**
 * Benefit distribution (一网通, 期权转股, 分红, 提留与分配): leases of eco asset packages to the cooperative
 * with rent schedules and options, projects with cap tables and dividends, village shareholder registers
 * and distribution runs (preview → approve by a second person → one linked ledger batch → reversal by a
 * new run). It owns the dist_* tables; money moves only through {@link liangshan.app.money.MoneyLedger}.
 */
package liangshan.app.distribution;
