package liangshan.app.distribution.internal;

import java.util.UUID;
import liangshan.app.money.MoneyLedger;
import liangshan.app.money.MoneyLedger.AccountSpec;

/** The ledger accounts this module uses (docs/api/distribution.md, "Money flow and accounts"). */
final class DistributionAccounts {

    private DistributionAccounts() {}

    static AccountSpec cooperativeBank(String county) {
        return AccountSpec.of("cooperative:" + county, "cooperative.bank", county, "两山合作社银行账户 " + county, false);
    }

    static AccountSpec projectBank(String projectId, String county) {
        return AccountSpec.of("project:" + projectId, "project.bank", county, "项目银行账户 " + projectId, false);
    }

    static AccountSpec holderDividends(String partyId, String county) {
        return AccountSpec.of("party:" + partyId, "holder.dividends", county, "股东应付股利 " + partyId, true);
    }

    static AccountSpec villageIncome(String village) {
        return AccountSpec.of("village:" + village, "village.income", village, "村集体待分配收益 " + village, true);
    }

    static AccountSpec villageRetained(String village) {
        return AccountSpec.of("village:" + village, "village.retained", village, "村集体提留 " + village, true);
    }

    static AccountSpec household(String partyId, String village) {
        return AccountSpec.of("party:" + partyId, "household.payout", village, "农户分配 " + partyId, true);
    }

    static UUID householdId(String partyId) {
        return MoneyLedger.accountId("household.payout", "party:" + partyId);
    }

    static UUID villageIncomeId(String village) {
        return MoneyLedger.accountId("village.income", "village:" + village);
    }

    static UUID villageRetainedId(String village) {
        return MoneyLedger.accountId("village.retained", "village:" + village);
    }
}
