package liangshan.app.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the single-page UI for its client-side routes: a GET of a path such as
 * {@code /village/330802001001} (not under the API, actuator, docs or built assets, and without a
 * file extension) is forwarded to {@code /index.html}, so a browser reload or a shared link opens
 * the UI, which then routes on the client.
 */
class SpaFallbackFilter extends OncePerRequestFilter {

    private static final List<String> SERVER_PREFIXES =
            List.of("/api/", "/actuator", "/assets/", "/error", "/swagger-ui", "/v3/", "/login", "/logout");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isUiRoute(request)) {
            request.getRequestDispatcher("/index.html").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isUiRoute(HttpServletRequest request) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || path.equals("/")) {
            return true;
        }
        if (path.equals("/api")) {
            return false;
        }
        for (String prefix : SERVER_PREFIXES) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
