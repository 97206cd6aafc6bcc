package dev.restfault.spring.servlet;

import dev.restfault.throttling.ThrottledRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/**
 * A servlet request as the throttle sees it: a view that reads lazily, copying nothing. The path
 * is the one within the application (the context path cut), as received; the client address is
 * the servlet container's remote address, which Spring Boot's
 * {@code server.forward-headers-strategy} makes the one a trusted proxy names; the subject is the
 * principal's name (Spring Security's authentication, once its filter chain has run).
 */
final class ServletThrottledRequest implements ThrottledRequest {

    private final HttpServletRequest request;

    ServletThrottledRequest(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeader(name));
    }

    @Override
    public Optional<String> clientAddress() {
        return Optional.ofNullable(request.getRemoteAddr());
    }

    @Override
    public Optional<String> subject() {
        Principal principal = request.getUserPrincipal();
        return principal == null ? Optional.empty() : Optional.ofNullable(principal.getName());
    }

    @Override
    public String toString() {
        return "ServletThrottledRequest[" + request.getMethod() + "]";
    }
}
