package liangshan.app.distribution.internal;

import java.util.List;
import java.util.Map;
import liangshan.app.identity.CurrentActor;
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

/** {@code /api/v1/distribution}: leases, rent payments, option conversion, projects and dividends. */
@RestController
@RequestMapping("/api/v1/distribution")
class LeaseController {

    record YearInput(Integer year, java.time.LocalDate paidOn) {}

    record Note(String note) {}

    private final LeaseService leases;
    private final ProjectService projects;
    private final DividendService dividends;
    private final CurrentActor currentActor;

    LeaseController(
            LeaseService leases, ProjectService projects, DividendService dividends, CurrentActor currentActor) {
        this.leases = leases;
        this.projects = projects;
        this.dividends = dividends;
        this.currentActor = currentActor;
    }

    @PostMapping("/leases")
    ResponseEntity<LeaseView> create(@RequestBody LeaseService.LeaseInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(leases.create(currentActor.get(), input));
    }

    @GetMapping("/leases")
    Page<LeaseView> list(
            @RequestParam(required = false) String village,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return leases.list(currentActor.get(), village, PageRequest.of(page, size));
    }

    @GetMapping("/leases/{id}")
    LeaseView get(@PathVariable String id) {
        return leases.get(currentActor.get(), id);
    }

    @PostMapping("/leases/{id}/approve")
    LeaseView approve(@PathVariable String id, @RequestBody(required = false) Note note) {
        return leases.approve(currentActor.get(), id, note == null ? null : note.note());
    }

    @PostMapping("/leases/{id}/reject")
    LeaseView reject(@PathVariable String id, @RequestBody(required = false) Note note) {
        return leases.reject(currentActor.get(), id, note == null ? null : note.note());
    }

    @PostMapping("/projects/{id}/approve")
    ProjectService.ProjectView approveProject(@PathVariable String id) {
        return projects.approve(currentActor.get(), id);
    }

    @PostMapping("/leases/{id}/payments")
    ResponseEntity<LeaseService.Payment> pay(@PathVariable String id, @RequestBody YearInput input) {
        Map.Entry<LeaseService.Payment, Boolean> paid = leases.pay(
                currentActor.get(), id, input == null ? null : input.year(), input == null ? null : input.paidOn());
        return ResponseEntity.status(paid.getValue() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(paid.getKey());
    }

    @GetMapping("/leases/{id}/payments")
    List<LeaseService.Payment> payments(@PathVariable String id) {
        return leases.payments(currentActor.get(), id);
    }

    @PostMapping("/leases/{id}/conversion")
    ResponseEntity<ProjectService.CapEntry> convert(
            @PathVariable String id, @RequestBody ProjectService.ConversionInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(projects.convert(currentActor.get(), id, input));
    }

    @PostMapping("/projects")
    ResponseEntity<ProjectService.ProjectView> createProject(@RequestBody ProjectService.ProjectInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(projects.create(currentActor.get(), input));
    }

    @GetMapping("/projects")
    Page<ProjectService.ProjectView> projects(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return projects.list(currentActor.get(), county, PageRequest.of(page, size));
    }

    @GetMapping("/projects/{id}")
    ProjectService.ProjectView project(@PathVariable String id) {
        return projects.get(currentActor.get(), id);
    }

    @PostMapping("/projects/{id}/dividends")
    ResponseEntity<DividendService.Dividend> declare(
            @PathVariable String id, @RequestBody DividendService.DeclareInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(dividends.declare(currentActor.get(), id, input));
    }

    @GetMapping("/projects/{id}/dividends")
    List<DividendService.Dividend> dividends(@PathVariable String id) {
        return dividends.list(currentActor.get(), id);
    }

    @PostMapping("/dividends/{id}/pay")
    DividendService.Dividend payDividend(@PathVariable String id) {
        return dividends.pay(currentActor.get(), id);
    }
}
