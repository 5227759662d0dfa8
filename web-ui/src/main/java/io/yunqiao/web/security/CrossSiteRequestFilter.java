package io.yunqiao.web.security;

import io.yunqiao.web.api.ProblemAnswers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection of the REST API and the actuator, which have no session and no CSRF token: a browser attaches
 * HTTP Basic credentials it remembers to any request, so a page on another site could post a form to
 * {@code /api/runs/1/repush}. A request that changes something (not GET, HEAD, OPTIONS or TRACE) is refused before
 * any password check when the browser says it comes from elsewhere: {@code Sec-Fetch-Site} other than
 * {@code same-origin} or {@code none}, or, from browsers without it, an {@code Origin} that is not this server.
 * Scripts send neither header and pass; a bearer token is an explicit header a browser never adds, so it passes too.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String foreign = SAFE_METHODS.contains(request.getMethod()) || BearerTokenFilter.hasBearer(request) ? null
                : foreignOrigin(request);
        if (foreign != null) {
            ProblemAnswers.write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN",
                    "problem.security.crossSite", ThrottledPasswordCheck.loggable(foreign));
            return;
        }
        chain.doFilter(request, response);
    }

    /** What the browser says the request comes from, when that is not this server; null when it is, or unsaid. */
    static String foreignOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        if (site != null) {
            String value = site.strip().toLowerCase(Locale.ROOT);
            return value.equals("same-origin") || value.equals("none") ? null
                    : origin != null ? origin : "Sec-Fetch-Site: " + site;
        }
        if (origin == null) {
            return null;
        }
        return sameOrigin(origin, request) ? null : origin;
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin.strip());
            String scheme = request.getScheme();
            int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
            return scheme.equalsIgnoreCase(uri.getScheme()) && request.getServerName().equalsIgnoreCase(uri.getHost())
                    && request.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            // "null" (sandboxed frames, file: pages) and anything unparsable is not this server
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
