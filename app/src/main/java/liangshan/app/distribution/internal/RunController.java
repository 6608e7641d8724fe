package liangshan.app.distribution.internal;

import liangshan.app.identity.CurrentActor;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/distribution}: shareholder registers and distribution runs. */
@RestController
@RequestMapping("/api/v1/distribution")
class RunController {

    private final RunService runs;
    private final RunPoster poster;
    private final RegisterService registers;
    private final VillageAccounts accounts;
    private final CurrentActor currentActor;

    RunController(
            RunService runs,
            RunPoster poster,
            RegisterService registers,
            VillageAccounts accounts,
            CurrentActor currentActor) {
        this.runs = runs;
        this.poster = poster;
        this.registers = registers;
        this.accounts = accounts;
        this.currentActor = currentActor;
    }

    @PutMapping("/villages/{village}/shareholders")
    RegisterService.Register replaceRegister(
            @PathVariable String village, @RequestBody RegisterService.RegisterInput input) {
        return registers.replace(currentActor.get(), village, input);
    }

    @GetMapping("/villages/{village}/shareholders")
    RegisterService.Register register(@PathVariable String village) {
        return registers.get(currentActor.get(), village);
    }

    @GetMapping("/villages/{village}/accounts")
    VillageAccounts.View accounts(@PathVariable String village) {
        return accounts.view(currentActor.get(), village);
    }

    @PostMapping("/villages/{village}/runs")
    ResponseEntity<RunView> preview(@PathVariable String village, @RequestBody RunService.RunInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(runs.preview(currentActor.get(), village, input));
    }

    @GetMapping("/runs")
    Page<RunView> list(
            @RequestParam(required = false) String village,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return runs.list(currentActor.get(), village, status, PageRequest.of(page, size));
    }

    @GetMapping("/runs/{id}")
    RunView get(@PathVariable String id) {
        return runs.get(currentActor.get(), id);
    }

    @GetMapping("/runs/{id}/lines")
    Page<RunView.LineView> lines(
            @PathVariable String id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return runs.lines(currentActor.get(), id, PageRequest.of(page, size));
    }

    @PostMapping("/runs/{id}/approve")
    RunView approve(@PathVariable String id, @RequestBody(required = false) RunService.Note note) {
        return runs.approve(currentActor.get(), id, note == null ? null : note.note());
    }

    @PostMapping("/runs/{id}/post")
    RunView post(@PathVariable String id) {
        return poster.post(currentActor.get(), id);
    }

    @PostMapping("/runs/{id}/cancel")
    RunView cancel(@PathVariable String id, @RequestBody(required = false) RunService.Note note) {
        return runs.cancel(currentActor.get(), id, note == null ? null : note.note());
    }

    @PostMapping("/runs/{id}/reverse")
    ResponseEntity<RunView> reverse(@PathVariable String id, @RequestBody(required = false) RunService.Note note) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(runs.reverse(currentActor.get(), id, note == null ? null : note.note()));
    }
}
