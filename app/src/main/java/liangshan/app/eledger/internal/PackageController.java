package liangshan.app.eledger.internal;

import liangshan.app.identity.CurrentActor;
import liangshan.app.web.ApiException;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/eledger}: eco asset packages, their title check and status changes. */
@RestController
@RequestMapping("/api/v1/eledger")
class PackageController {

    private final PackageService packages;
    private final CurrentActor currentActor;

    PackageController(PackageService packages, CurrentActor currentActor) {
        this.packages = packages;
        this.currentActor = currentActor;
    }

    record Advance(String status, String lesseePartyId) {}

    @PostMapping("/villages/{village}/packages")
    ResponseEntity<PackageService.PackageView> create(
            @PathVariable String village, @RequestBody PackageService.PackageInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(packages.create(currentActor.get(), village, input));
    }

    @GetMapping("/villages/{village}/packages")
    Page<PackageService.PackageView> list(
            @PathVariable String village,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageRequest p = PageRequest.of(page, size);
        return p.toPage(packages.list(currentActor.get(), village, p.size(), p.offset()), packages.count(village));
    }

    @GetMapping("/packages/{id}")
    PackageService.PackageView get(@PathVariable String id) {
        return packages.get(currentActor.get(), id);
    }

    @PostMapping("/packages/{id}/title-check")
    PackageService.TitleCheck titleCheck(@PathVariable String id) {
        return packages.titleCheck(currentActor.get(), id);
    }

    @PostMapping("/packages/{id}/status")
    PackageService.PackageView advance(@PathVariable String id, @RequestBody Advance advance) {
        if (advance.status() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.package.bad-transition", "-", "-");
        }
        return packages.advance(currentActor.get(), id, advance.status(), advance.lesseePartyId());
    }
}
