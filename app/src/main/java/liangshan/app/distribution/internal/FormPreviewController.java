package liangshan.app.distribution.internal;

import java.util.List;
import liangshan.app.identity.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/distribution}: the reads the web forms preview with (leasable packages, a lease's rent
 * schedule, a dividend's lines); see docs/api/distribution.md, "Form previews".
 */
@RestController
@RequestMapping("/api/v1/distribution")
class FormPreviewController {

    private final FormPreviews previews;
    private final CurrentActor currentActor;

    FormPreviewController(FormPreviews previews, CurrentActor currentActor) {
        this.previews = previews;
        this.currentActor = currentActor;
    }

    @GetMapping("/villages/{village}/leasable-packages")
    List<FormPreviews.LeasablePackage> leasable(@PathVariable String village) {
        return previews.leasable(currentActor.get(), village);
    }

    @GetMapping("/leases/preview")
    FormPreviews.LeasePreview lease(
            @RequestParam(required = false) String packageId,
            @RequestParam(required = false) String contractNumber,
            @RequestParam(required = false) String annualRentYuan,
            @RequestParam(required = false) String escalationPct,
            @RequestParam(required = false) Integer escalationEveryYears,
            @RequestParam(required = false) String paymentDay,
            @RequestParam(required = false) String optionValuationYuan,
            @RequestParam(required = false) String optionPricePerShareYuan) {
        boolean option = optionValuationYuan != null || optionPricePerShareYuan != null;
        return previews.lease(
                currentActor.get(),
                new LeaseService.LeaseInput(
                        packageId,
                        contractNumber,
                        annualRentYuan,
                        escalationPct,
                        escalationEveryYears,
                        paymentDay,
                        option ? new LeaseService.OptionInput(optionValuationYuan, optionPricePerShareYuan) : null));
    }

    @GetMapping("/projects/{id}/dividends/preview")
    FormPreviews.DividendPreview dividend(
            @PathVariable String id,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String profitYuan) {
        return previews.dividend(currentActor.get(), id, new DividendService.DeclareInput(period, profitYuan));
    }
}
