package dev.restfault.spring.reactive;

import dev.restfault.server.StatusErrors;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/**
 * Spring Security's reactive handlers in the contract, loaded only when Spring Security's web
 * support is on the class path: the entry point answers an unauthenticated caller with 401 (the
 * configured challenge, beside one another scheme already set), the access-denied handler a denied
 * one with 403 (also a request whose CSRF token is missing or wrong: the auto-configuration sets it
 * on reactive Security's CSRF protection, which has a handler of its own). The description never
 * says why authentication failed or access was denied.
 */
public final class ReactiveSecurityHandlers {

    private ReactiveSecurityHandlers() {
    }

    /** The entry point: 401 with the configured {@code WWW-Authenticate} challenge. */
    public static ServerAuthenticationEntryPoint entryPoint(ReactiveErrorResponder responder) {
        return (exchange, e) -> responder.render(exchange, StatusErrors.of(401));
    }

    /** The access-denied handler: 403. */
    public static ServerAccessDeniedHandler accessDeniedHandler(ReactiveErrorResponder responder) {
        return (exchange, e) -> responder.render(exchange, StatusErrors.of(403));
    }
}
