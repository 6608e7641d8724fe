package liangshan.app.identity;

/**
 * Demo mode only: accounts that other modules create for their demo data (e.g. a household user
 * linked to a generated e-ledger party). Like the other demo users they get a random password that is
 * printed once and written to {@code <data-dir>/demo-credentials.txt} (mode 0600); there is no default
 * password. Creating an existing username does nothing.
 */
public interface DemoAccounts {

    /**
     * Creates a {@link Role#HOUSEHOLD} demo user acting for e-ledger party {@code partyNumber} of
     * village {@code villageCode}, unless {@code username} exists.
     *
     * @return true when the user was created now
     */
    boolean createHousehold(String username, String displayName, String villageCode, long partyNumber);
}
