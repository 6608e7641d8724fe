package liangshan.app.distribution.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import liangshan.app.identity.Actor;
import liangshan.app.money.MoneyLedger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Balances of a village's ledger accounts. */
@Component
class VillageAccounts {

    record View(String villageCode, String incomeYuan, String retainedYuan, String distributedYuan) {}

    private final MoneyLedger money;
    private final JdbcClient jdbc;

    VillageAccounts(MoneyLedger money, JdbcClient jdbc) {
        this.money = money;
        this.jdbc = jdbc;
    }

    View view(Actor actor, String village) {
        DistributionAccess.read(actor, village, "distribution.village.not-found", village);
        UUID income = DistributionAccounts.villageIncomeId(village);
        UUID retained = DistributionAccounts.villageRetainedId(village);
        Map<UUID, MoneyLedger.Balance> b = money.balances(List.of(income, retained));
        long distributed = jdbc.sql("select coalesce(sum(case when kind = 'distribution' then distributed_fen"
                        + " else -distributed_fen end), 0) from dist_run where village_code = ? and status = 'posted'")
                .param(village)
                .query(Long.class)
                .single();
        return new View(
                village,
                Amounts.yuan(b.containsKey(income) ? b.get(income).postedFen() : 0),
                Amounts.yuan(b.containsKey(retained) ? b.get(retained).postedFen() : 0),
                Amounts.yuan(distributed));
    }
}
