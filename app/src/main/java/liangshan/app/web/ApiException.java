package liangshan.app.web;

import java.util.List;
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

    /** Every problem found, one per field or row; empty when the problem is about the whole request. */
    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /**
     * One problem with one input field or row.
     *
     * @param field JSON pointer-like path ({@code name}, {@code features[3].properties.code}) or {@code row 12 / column 名称}
     * @param code stable code, also message key {@code problem.<code>}
     * @param messageZh Chinese message
     * @param messageEn English message
     */
    public record FieldProblem(String field, String code, String messageZh, String messageEn) {}
}
