package liangshan.app.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An expected rejection of a user's request, answered as RFC 9457 problem+json. The {@code code} is
 * stable (clients and tests match on it) and doubles as the message key {@code problem.<code>} in
 * the zh and en bundles under {@code i18n/}; {@code args} fill the message's {0}, {1} ….
 * Programmer errors are never ApiExceptions.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;
    private final List<FieldProblem> fieldProblems;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(HttpStatus status, String code, Object... args) {
        this(status, code, List.of(), args);
    }

    public ApiException(HttpStatus status, String code, List<FieldProblem> fieldProblems, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args.clone();
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    /**
     * Adds a response header to the problem answer, e.g. {@code Retry-After} on 429; returns this
     * exception so it can be thrown in one expression.
     */
    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Extra response headers of the problem answer (usually none). */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    /** Every problem found, one per field or row; empty when the problem is about the whole request. */
    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /**
     * One problem with one input field or row. Leave {@code messageZh} and {@code messageEn} null to
     * have them filled from the bundles' {@code problem.<code>} when the problem is rendered (or build
     * it with {@link Problems#field}).
     *
     * @param field JSON pointer-like path ({@code name}, {@code features[3].properties.code}) or {@code row 12 / column 名称}
     * @param code stable code, also message key {@code problem.<code>}
     * @param messageZh Chinese message
     * @param messageEn English message
     */
    public record FieldProblem(String field, String code, String messageZh, String messageEn) {}
}
