/** Money (资金台账): the PostgreSQL-backed double-entry ledger of the pure {@code ledger} module — accounts, transfers, pending reservations, reversals and the {@code ledger check} command. It owns the ledger_* and money_account tables and answers with one stable result code per rejection. */
package liangshan.app.money;
