package liangshan.app.money.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import liangshan.ledger.Asset;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.ResultCode;
import liangshan.ledger.TransferRequest;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The process {@link LedgerCrashTest} kills: submits linked batches {@code from..to} of {@value #LEGS}
 * legs each, printing {@code begin k} before and {@code done k CODES} after each batch.
 * Arguments: jdbc-url run source-account sink-account… from to.
 */
final class CrashChild {

    static final int LEGS = 300;

    private CrashChild() {}

    static List<TransferRequest> batch(String run, int k, UUID source, List<UUID> sinks) {
        List<TransferRequest> legs = new ArrayList<>();
        for (int i = 0; i < LEGS; i++) {
            TransferRequest leg = TransferRequest.transfer(
                    legId(run, k, i), source, sinks.get(i % sinks.size()), amount(i), Asset.CNY, "crash.leg");
            legs.add(i < LEGS - 1 ? leg.linked() : leg);
        }
        return legs;
    }

    static UUID legId(String run, int k, int i) {
        return UUID.nameUUIDFromBytes((run + "/" + k + "/" + i).getBytes(StandardCharsets.UTF_8));
    }

    static long amount(int i) {
        return 1 + i;
    }

    public static void main(String[] args) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser("postgres");
        String run = args[1];
        UUID source = UUID.fromString(args[2]);
        List<UUID> sinks = new ArrayList<>();
        for (int i = 3; i < args.length - 2; i++) {
            sinks.add(UUID.fromString(args[i]));
        }
        int from = Integer.parseInt(args[args.length - 2]);
        int to = Integer.parseInt(args[args.length - 1]);
        PgLedger ledger = new PgLedger(new JdbcTemplate(ds), new DataSourceTransactionManager(ds), Clock.systemUTC());
        for (int k = from; k <= to; k++) {
            System.out.println("begin " + k);
            System.out.flush();
            List<LedgerResult> results = ledger.submit(batch(run, k, source, sinks));
            ResultCode last = results.get(results.size() - 1).code();
            System.out.println("done " + k + " " + last);
            System.out.flush();
        }
    }
}
