package liangshan.app.ecoaccount.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import liangshan.app.ecoaccount.internal.GepAccountViews.Account;
import liangshan.app.ecoaccount.internal.GepAccountViews.Child;
import liangshan.app.ecoaccount.internal.GepAccountViews.Choropleth;
import liangshan.app.ecoaccount.internal.GepAccountViews.YearTotal;
import liangshan.app.identity.Actor;
import liangshan.app.identity.CurrentActor;
import liangshan.gep.params.ParameterSets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/gep/accounts/{code}…} and {@code /api/v1/gep/choropleth}: eco accounts of any
 * division level, their children, XLSX and PDF downloads, and the choropleth values
 * (docs/api/gep.md, "Accounts" and "Map layers").
 */
@RestController
@RequestMapping("/api/v1/gep")
class GepAccountController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final GepAccounts accounts;
    private final GepChoropleth choropleth;
    private final GepResultStore results;
    private final CurrentActor currentActor;

    GepAccountController(
            GepAccounts accounts, GepChoropleth choropleth, GepResultStore results, CurrentActor currentActor) {
        this.accounts = accounts;
        this.choropleth = choropleth;
        this.results = results;
        this.currentActor = currentActor;
    }

    @GetMapping("/accounts/{code}/years")
    List<YearTotal> years(@PathVariable String code) {
        return accounts.years(currentActor.get(), code);
    }

    @GetMapping("/accounts/{code}")
    Account account(@PathVariable String code, @RequestParam(required = false) Integer year) {
        return accounts.account(currentActor.get(), code, year);
    }

    @GetMapping("/accounts/{code}/children")
    List<Child> children(@PathVariable String code, @RequestParam(required = false) Integer year) {
        return accounts.children(currentActor.get(), code, year);
    }

    @GetMapping("/accounts/{code}/export.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String code, @RequestParam(required = false) Integer year) {
        Actor actor = currentActor.get();
        Account a = accounts.account(actor, code, year);
        byte[] body = GepAccountXlsx.write(a, accounts.children(actor, code, a.year()));
        return download(body, XLSX, "gep-" + code + "-" + a.year() + ".xlsx");
    }

    @GetMapping("/accounts/{code}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam(required = false) Integer year) {
        Actor actor = currentActor.get();
        Account a = accounts.account(actor, code, year);
        String provenance = results.runs(code, a.year()).get(0).provenanceJson();
        byte[] body = GepAccountPdf.write(
                a,
                accounts.children(actor, code, a.year()),
                ParameterSets.get(a.run().params()),
                provenance);
        return download(body, MediaType.APPLICATION_PDF, "gep-" + code + "-" + a.year() + ".pdf");
    }

    @GetMapping("/choropleth")
    Choropleth choropleth(
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String measure) {
        return choropleth.choropleth(currentActor.get(), level, parent, year, measure);
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
