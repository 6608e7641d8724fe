package liangshan.app.ecoaccount.internal;

import liangshan.app.identity.CurrentActor;
import liangshan.app.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/gep/runs}: GEP runs as background jobs (docs/api/gep.md, "Inputs and runs"). */
@RestController
@RequestMapping("/api/v1/gep/runs")
class GepRunController {

    private final GepRunService service;
    private final CurrentActor currentActor;

    GepRunController(GepRunService service, CurrentActor currentActor) {
        this.service = service;
        this.currentActor = currentActor;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    GepRunView start(@RequestBody GepRunService.StartRun request) {
        return service.start(currentActor.get(), request);
    }

    @GetMapping
    Page<GepRunView> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.list(currentActor.get(), status, year, page, size);
    }

    @GetMapping("/{id}")
    GepRunView get(@PathVariable String id) {
        return service.get(currentActor.get(), id);
    }

    @PostMapping("/{id}/cancel")
    GepRunView cancel(@PathVariable String id) {
        return service.cancel(currentActor.get(), id);
    }
}
