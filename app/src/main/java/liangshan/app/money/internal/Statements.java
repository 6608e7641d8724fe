package liangshan.app.money.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Several SQL statements, separated by {@code ;}, sent to PostgreSQL in ONE round trip: the JDBC driver
 * splits them and sends them as one pipeline ending in one Sync, so they run in order, in the caller's
 * transaction, and the first failure fails the call (with the usual exception translation). A transfer
 * call is dominated by round trips, not by work in either process; this is what keeps it at a few.
 */
final class Statements {

    private Statements() {}

    /**
     * Runs {@code sql} with {@code args} (numbered across all statements, in order) and hands the rows of
     * the i-th statement that answers rows to {@code handlers.get(i)}; statements that answer update counts
     * are skipped.
     *
     * @return the update counts of the statements that answer no rows, in order
     */
    static int[] query(JdbcTemplate jdbc, String sql, List<Object> args, List<RowCallbackHandler> handlers) {
        return jdbc.execute(sql, (PreparedStatement ps) -> {
            new ArgumentPreparedStatementSetter(args.toArray()).setValues(ps);
            int[] counts = new int[0];
            int results = 0;
            boolean isResultSet = ps.execute();
            while (true) {
                if (isResultSet) {
                    try (ResultSet rs = ps.getResultSet()) {
                        RowCallbackHandler handler = handlers.get(results++);
                        while (rs.next()) {
                            handler.processRow(rs);
                        }
                    }
                } else {
                    int count = ps.getUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    counts = java.util.Arrays.copyOf(counts, counts.length + 1);
                    counts[counts.length - 1] = count;
                }
                isResultSet = ps.getMoreResults();
            }
            if (results != handlers.size()) {
                throw new IllegalStateException("expected " + handlers.size() + " row results, got " + results);
            }
            return counts;
        });
    }

    /** Runs {@code sql} (statements that answer no rows) in one round trip; answers their update counts. */
    static int[] update(JdbcTemplate jdbc, String sql, List<Object> args) {
        return query(jdbc, sql, args, List.of());
    }
}
