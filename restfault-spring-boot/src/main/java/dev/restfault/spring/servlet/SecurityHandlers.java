package dev.restfault.spring.servlet;

import dev.restfault.server.StatusErrors;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Spring Security's servlet handlers in the contract, loaded only when Spring Security's web
 * support is on the class path: the entry point answers an unauthenticated caller with 401 (the
 * configured challenge, beside one another scheme already set), the access-denied handler a denied
 * one with 403. The description never says why authentication failed.
 */
public final class SecurityHandlers {

    private SecurityHandlers() {
    }

    /** The entry point: 401 with the configured {@code WWW-Authenticate} challenge. */
    public static AuthenticationEntryPoint entryPoint(ServletErrorResponder responder) {
        return (request, response, e) -> responder.render(request, response, StatusErrors.of(401));
    }

    /** The access-denied handler: 403. */
    public static AccessDeniedHandler accessDeniedHandler(ServletErrorResponder responder) {
        return (request, response, e) -> responder.render(request, response, StatusErrors.of(403));
    }
}
