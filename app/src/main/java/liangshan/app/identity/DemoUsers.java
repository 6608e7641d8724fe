package liangshan.app.identity;

import java.util.OptionalLong;

/**
 * Demo users created by other modules' demo data (e.g. a household user for a demo household): the same
 * rule as the built-in demo users — no default password; a random one is printed once when the user is
 * created and written to {@code <data-dir>/demo-credentials.txt} (mode 0600). Only for demo mode.
 */
public interface DemoUsers {

    /**
     * Creates the user if no user has this name; answers true when it was created now.
     *
     * @param partyId the e-ledger party number a {@link Role#HOUSEHOLD} user acts for; empty otherwise
     */
    boolean ensure(String username, String displayName, Role role, String scope, OptionalLong partyId);
}
