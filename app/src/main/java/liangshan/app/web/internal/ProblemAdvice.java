package liangshan.app.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import liangshan.app.web.ApiException;
import liangshan.app.web.Problems;
import liangshan.app.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every exception a request can cause into RFC 9457 problem+json with a stable code. Expected
 * rejections arrive as {@link ApiException}; framework errors caused by input (bad JSON, unknown
 * fields, wrong types, validation, missing parameters, wrong method or media type, unknown paths,
 * oversized bodies, missing rights) map to their own codes; anything else is a programmer error:
 * logged with its stack trace and answered as 500 {@code internal-error} with only the request id.
 */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final Problems problems;
    private final WebProperties properties;

    ProblemAdvice(Problems problems, WebProperties properties) {
        this.problems = problems;
        this.properties = properties;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
        return problems.response(request, e);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Object> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<ApiException.FieldProblem> list = new ArrayList<>();
        for (ObjectError error : e.getBindingResult().getAllErrors()) {
            String field = error instanceof FieldError fe ? fe.getField() : error.getObjectName();
            list.add(constraintProblem(field, error.getCodes(), error.getArguments()));
        }
        return validation(request, list);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Object> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<ApiException.FieldProblem> list = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(error -> list.add(constraintProblem(
                            error instanceof FieldError fe ? fe.getField() : name,
                            error.getCodes(),
                            error.getArguments())));
        });
        return validation(request, list);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> violations(ConstraintViolationException e, HttpServletRequest request) {
        List<ApiException.FieldProblem> list = e.getConstraintViolations().stream()
                .map(v -> constraintProblem(
                        v.getPropertyPath().toString(),
                        new String[] {
                            v.getConstraintDescriptor()
                                    .getAnnotation()
                                    .annotationType()
                                    .getSimpleName()
                        },
                        null))
                .collect(Collectors.toList());
        return validation(request, list);
    }

    private ResponseEntity<Object> validation(HttpServletRequest request, List<ApiException.FieldProblem> list) {
        return problems.response(request, new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", list));
    }

    /**
     * Maps a Bean Validation constraint to a stable field code: required, size, range, pattern,
     * email, or invalid for anything else. Size and range messages state the bounds.
     */
    private ApiException.FieldProblem constraintProblem(String field, String[] codes, Object[] arguments) {
        String constraint = codes == null || codes.length == 0 ? "" : codes[codes.length - 1];
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> problems.field(field, "validation.required");
            case "Size", "Length" -> problems.field(field, "validation.size", bound(arguments, 2), bound(arguments, 1));
            case "Min", "DecimalMin", "Positive", "PositiveOrZero" -> problems.field(field, "validation.too-small");
            case "Max", "DecimalMax", "Negative", "NegativeOrZero" -> problems.field(field, "validation.too-large");
            case "Pattern" -> problems.field(field, "validation.pattern");
            case "Email" -> problems.field(field, "validation.email");
            default -> problems.field(field, "validation.invalid");
        };
    }

    /** Spring passes {@code [resolvable name, max, min]} as arguments of {@code @Size}. */
    private static Object bound(Object[] arguments, int index) {
        return arguments != null && arguments.length > index ? arguments[index] : "";
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeFilter.BodyTooLargeException) {
                return problems.response(request, BodySizeFilter.tooLarge(maxBytes()));
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return problems.response(
                    request,
                    new ApiException(
                            HttpStatus.BAD_REQUEST,
                            "request.unknown-field",
                            List.of(problems.field(field, "request.unknown-field.item", field)),
                            field));
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = path(m);
            return problems.response(
                    request,
                    new ApiException(
                            HttpStatus.BAD_REQUEST,
                            "request.wrong-type",
                            List.of(problems.field(field, "request.wrong-type.item", field)),
                            field));
        }
        if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            return problems.response(request, new ApiException(HttpStatus.BAD_REQUEST, "request.malformed-json"));
        }
        return problems.response(request, new ApiException(HttpStatus.BAD_REQUEST, "request.body-missing"));
    }

    /** {@code roles[1]}, {@code scope.code}: the JSON path of the offending value. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problems.response(
                request,
                new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "request.wrong-type",
                        List.of(problems.field(e.getName(), "request.wrong-type.item", e.getName())),
                        e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return problems.response(
                request,
                new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "request.missing-parameter",
                        List.of(problems.field(e.getParameterName(), "validation.required")),
                        e.getParameterName()));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return problems.response(
                request, new ApiException(HttpStatus.BAD_REQUEST, "request.missing-header", e.getHeaderName()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ApiException problem =
                new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "http.method-not-allowed", e.getMethod());
        if (e.getSupportedMethods() != null) {
            problem.withHeader(HttpHeaders.ALLOW, String.join(", ", e.getSupportedMethods()));
        }
        return problems.response(request, problem);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problems.response(
                request,
                new ApiException(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "http.unsupported-media-type",
                        String.valueOf(e.getContentType())));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problems.response(request, new ApiException(HttpStatus.NOT_ACCEPTABLE, "http.not-acceptable"));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Object> notFound(Exception e, HttpServletRequest request) {
        return problems.response(request, new ApiException(HttpStatus.NOT_FOUND, "http.not-found"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problems.response(request, new ApiException(HttpStatus.CONTENT_TOO_LARGE, "request.upload-too-large"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e, HttpServletRequest request) {
        return problems.response(request, new ApiException(HttpStatus.BAD_REQUEST, "request.bad-multipart"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = auth == null || auth instanceof AnonymousAuthenticationToken;
        return problems.response(
                request,
                anonymous
                        ? new ApiException(HttpStatus.UNAUTHORIZED, "auth.required")
                        : new ApiException(HttpStatus.FORBIDDEN, "auth.forbidden"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return problems.response(request, new ApiException(HttpStatus.UNAUTHORIZED, "auth.required"));
    }

    /**
     * Any other framework error that carries its own 4xx status (Spring's {@link ErrorResponse}) keeps
     * it; everything else is a programmer error.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
            log.info("request failed with {}: {}", status, e.toString());
            return problems.response(request, new ApiException(status, "http.error", status.value()));
        }
        log.error(
                "unexpected error in request {} {} (request id {})",
                request.getMethod(),
                request.getRequestURI(),
                RequestIds.current(),
                e);
        return problems.response(request, new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error"));
    }

    private long maxBytes() {
        return properties.maxJsonBody().toBytes();
    }
}
