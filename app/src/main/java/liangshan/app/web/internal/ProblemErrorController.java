package liangshan.app.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import liangshan.app.web.ApiException;
import liangshan.app.web.Problems;
import liangshan.app.web.RequestIds;
import org.slf4j.MDC;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error page: errors raised outside Spring MVC (by the servlet container or a
 * filter) are answered as problem+json too, never as HTML or Boot's default JSON.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request, Problems problems) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null || status.value() < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object id = request.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (id != null) {
            MDC.put(RequestIds.MDC_KEY, id.toString());
        }
        ApiException problem =
                switch (status) {
                    case NOT_FOUND -> new ApiException(status, "http.not-found");
                    case CONTENT_TOO_LARGE -> new ApiException(status, "request.upload-too-large");
                    case INTERNAL_SERVER_ERROR -> new ApiException(status, "internal-error");
                    default -> new ApiException(status, "http.error", status.value());
                };
        return problems.response(request, problem);
    }
}
