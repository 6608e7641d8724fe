package liangshan.app.web;

import org.slf4j.MDC;

/**
 * The id of the HTTP request being served: taken from the client's {@code X-Request-Id} header when
 * it is well-formed, generated otherwise, echoed in the response header, logged with every line (MDC
 * key {@value #MDC_KEY}) and stored in audit records.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private RequestIds() {}

    /** The current request's id, or null outside a request (command line, background jobs). */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
