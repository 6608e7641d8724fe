package liangshan.ledger;

/** Rules an account declares about its own balances (rights-and-money.md, ledger rule 7). */
public enum AccountFlag {
    /**
     * debits_pending + debits_posted ≤ credits_posted at all times: the account cannot be overdrawn, a
     * pending debit counts as spent. Used for cash, bank and credit-holding accounts.
     */
    DEBITS_MUST_NOT_EXCEED_CREDITS,
    /**
     * credits_pending + credits_posted ≤ debits_posted at all times: the mirror rule, used for accounts whose
     * normal balance is a debit (e.g. a receivable that may not turn into a payable).
     */
    CREDITS_MUST_NOT_EXCEED_DEBITS,
    /**
     * The account accepts no new transfers. Set only by {@link Ledger#closeAccount}, never at creation, and
     * only when nothing is pending on the account.
     */
    CLOSED
}
