package liangshan.app.distribution.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Function;
import liangshan.app.identity.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/distribution}: household statements, income targets, village income and roll-ups against
 * the target, cooperative payables and receivables, each also as XLSX and PDF.
 */
@RestController
@RequestMapping("/api/v1/distribution")
class StatementController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StatementService statements;
    private final IncomeService income;
    private final PayablesService payables;
    private final CurrentActor currentActor;

    StatementController(
            StatementService statements, IncomeService income, PayablesService payables, CurrentActor currentActor) {
        this.statements = statements;
        this.income = income;
        this.payables = payables;
        this.currentActor = currentActor;
    }

    @GetMapping("/households/{partyId}/statement")
    StatementService.Statement statement(@PathVariable String partyId) {
        return statements.statement(currentActor.get(), partyId);
    }

    @GetMapping("/households/{partyId}/statement.{format:xlsx|pdf}")
    ResponseEntity<byte[]> statementFile(@PathVariable String partyId, @PathVariable String format) {
        StatementService.Statement s = statements.statement(currentActor.get(), partyId);
        return file(format, ExportReports.statement(s), "农户收益明细-" + s.partyName());
    }

    @GetMapping("/my/statement")
    StatementService.Statement mine() {
        return statements.mine(currentActor.get());
    }

    @GetMapping("/my/statement.{format:xlsx|pdf}")
    ResponseEntity<byte[]> mineFile(@PathVariable String format) {
        StatementService.Statement s = statements.mine(currentActor.get());
        return file(format, ExportReports.statement(s), "农户收益明细-" + s.partyName());
    }

    @GetMapping("/targets")
    IncomeService.Targets targets() {
        return income.targets(currentActor.get());
    }

    @PutMapping("/targets/{year}")
    IncomeService.TargetYear setTarget(@PathVariable int year, @RequestBody IncomeService.TargetInput in) {
        return income.setTarget(currentActor.get(), year, in);
    }

    @GetMapping("/villages/{village}/income")
    IncomeService.VillageIncome villageIncome(
            @PathVariable String village,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to) {
        return income.village(currentActor.get(), village, from, to);
    }

    @GetMapping("/villages/{village}/income.{format:xlsx|pdf}")
    ResponseEntity<byte[]> villageIncomeFile(
            @PathVariable String village,
            @PathVariable String format,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to) {
        IncomeService.VillageIncome v = income.village(currentActor.get(), village, from, to);
        return file(format, ExportReports.villageIncome(v), "村集体收入-" + v.villageName());
    }

    @GetMapping("/income")
    IncomeService.Rollup rollup(
            @RequestParam(required = false) String division,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Boolean below) {
        return income.rollup(currentActor.get(), division, year, Boolean.TRUE.equals(below));
    }

    @GetMapping("/income.{format:xlsx|pdf}")
    ResponseEntity<byte[]> rollupFile(
            @PathVariable String format,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Boolean below) {
        IncomeService.Rollup r = income.rollup(currentActor.get(), division, year, Boolean.TRUE.equals(below));
        return file(format, ExportReports.rollup(r), "增收目标-" + r.divisionName() + "-" + r.year());
    }

    @GetMapping("/payables")
    PayablesService.Payables payables(
            @RequestParam(required = false) String division, @RequestParam(required = false) LocalDate asOf) {
        return payables.payables(currentActor.get(), division, asOf);
    }

    @GetMapping("/payables.{format:xlsx|pdf}")
    ResponseEntity<byte[]> payablesFile(
            @PathVariable String format,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) LocalDate asOf) {
        PayablesService.Payables p = payables.payables(currentActor.get(), division, asOf);
        return file(format, ExportReports.payables(p), "应付应收-" + p.divisionName() + "-" + p.asOf());
    }

    private static ResponseEntity<byte[]> file(String format, ExportFiles.Report report, String name) {
        boolean pdf = format.equals("pdf");
        Function<ExportFiles.Report, byte[]> writer = pdf ? ExportFiles::pdf : ExportFiles::xlsx;
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name + "." + format, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(writer.apply(report));
    }
}
