package liangshan.app.distribution.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import liangshan.app.distribution.internal.RunStore.Line;
import liangshan.app.distribution.internal.RunStore.Run;

/** A run as the API shows it (docs/api/distribution.md, {@code Run}); money in 元 strings. */
record RunView(
        String id,
        String villageCode,
        String kind,
        String reverses,
        String reversedBy,
        String period,
        String amountYuan,
        String retentionPct,
        String retentionCapYuan,
        String retentionYuan,
        String distributedYuan,
        Priority priority,
        String sources,
        String status,
        int households,
        int registerVersion,
        String preparedBy,
        Instant preparedAt,
        String approvedBy,
        Instant approvedAt,
        String postedBy,
        Instant postedAt,
        String note,
        UUID retentionTransferId,
        List<LineView> lines) {

    static final int MAX_LINES = 1000;

    record Priority(String minimumPerLowIncomeYuan, String lowIncomeWeightPct) {}

    record LineView(
            int lineNo,
            String partyId,
            long shares,
            boolean lowIncome,
            String priorityYuan,
            String amountYuan,
            UUID transferId) {
        static LineView of(Line l) {
            return new LineView(
                    l.lineNo(),
                    l.partyId(),
                    l.shares(),
                    l.lowIncome(),
                    Amounts.yuan(l.priorityFen()),
                    Amounts.yuan(l.amountFen()),
                    l.transferId());
        }
    }

    static RunView of(Run r, String reversedBy, List<Line> lines) {
        return new RunView(
                r.id(),
                r.villageCode(),
                r.kind(),
                r.reverses(),
                reversedBy,
                r.period(),
                Amounts.yuan(r.amountFen()),
                r.retentionPct().toPlainString(),
                Amounts.yuan(r.retentionCapFen()),
                Amounts.yuan(r.retentionFen()),
                Amounts.yuan(r.distributedFen()),
                r.priorityMinimumFen() == null
                        ? null
                        : new Priority(
                                Amounts.yuan(r.priorityMinimumFen()),
                                r.priorityWeightPct().toPlainString()),
                r.sources(),
                r.status(),
                r.households(),
                r.registerVersion(),
                r.preparedBy(),
                r.preparedAt(),
                r.approvedBy(),
                r.approvedAt(),
                r.postedBy(),
                r.postedAt(),
                r.note(),
                r.retentionTransferId(),
                lines == null ? null : lines.stream().map(LineView::of).toList());
    }
}
