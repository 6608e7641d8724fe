package liangshan.app.distribution.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import liangshan.app.distribution.internal.LeaseService.Payment;
import liangshan.app.distribution.internal.LeaseService.Row;
import liangshan.kernel.money.RentSchedule;

/** A lease as the API shows it, with its rent schedule and what was paid. */
record LeaseView(
        String id,
        String packageId,
        String villageCode,
        String countyCode,
        String lesseePartyId,
        String contractNumber,
        LocalDate termFrom,
        LocalDate termTo,
        String annualRentYuan,
        String escalationPct,
        int escalationEveryYears,
        String paymentDay,
        Option option,
        String status,
        String createdBy,
        Instant createdAt,
        String approvedBy,
        Instant approvedAt,
        String rejectedBy,
        Instant rejectedAt,
        List<Year> schedule,
        String totalRentYuan,
        String paidYuan) {

    record Option(String valuationYuan, String pricePerShareYuan) {}

    record Year(
            int year,
            LocalDate from,
            LocalDate to,
            LocalDate dueOn,
            String amountYuan,
            boolean paid,
            String paymentId) {}

    static LeaseView of(Row r, List<Payment> payments) {
        Map<Integer, Payment> byYear = payments.stream().collect(Collectors.toMap(Payment::year, Function.identity()));
        long total = 0;
        long paid = 0;
        List<RentSchedule.Instalment> schedule = r.schedule();
        List<Year> years = new java.util.ArrayList<>();
        for (RentSchedule.Instalment i : schedule) {
            Payment p = byYear.get(i.year());
            total += i.amount().fen();
            paid += p == null ? 0 : i.amount().fen();
            years.add(new Year(
                    i.year(),
                    i.from(),
                    i.to(),
                    i.dueOn(),
                    Amounts.yuan(i.amount().fen()),
                    p != null,
                    p == null ? null : p.id()));
        }
        return new LeaseView(
                r.id(),
                r.packageId(),
                r.villageCode(),
                r.countyCode(),
                r.lesseePartyId(),
                r.contractNumber(),
                r.termFrom(),
                r.termTo(),
                Amounts.yuan(r.annualRentFen()),
                BigDecimal.valueOf(r.escalationBp(), 2).toPlainString(),
                r.escalationEveryYears(),
                r.paymentDay(),
                r.optionValuationFen() == null
                        ? null
                        : new Option(Amounts.yuan(r.optionValuationFen()), Amounts.yuan(r.optionPricePerShareFen())),
                r.status(),
                r.createdBy(),
                r.createdAt(),
                r.approvedBy(),
                r.approvedAt(),
                r.rejectedBy(),
                r.rejectedAt(),
                years,
                Amounts.yuan(total),
                Amounts.yuan(paid));
    }
}
