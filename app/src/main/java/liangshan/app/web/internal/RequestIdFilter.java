package liangshan.app.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import liangshan.app.web.RequestIds;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of every request: adopts a well-formed client {@code X-Request-Id} (so a caller can
 * correlate its own logs) or generates one, and exposes it in the MDC, a request attribute (for the
 * error dispatch, which runs after this filter has returned) and the response header.
 */
class RequestIdFilter extends OncePerRequestFilter {

    /** Client ids are echoed into logs and headers, so only a safe alphabet and length pass. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = (String) request.getAttribute(ATTRIBUTE);
        if (id == null) {
            String offered = request.getHeader(RequestIds.HEADER);
            id = offered != null && SAFE.matcher(offered).matches()
                    ? offered
                    : UUID.randomUUID().toString();
            request.setAttribute(ATTRIBUTE, id);
            response.setHeader(RequestIds.HEADER, id);
        }
        String outer = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, outer);
            }
        }
    }
}
