package dev.restfault.sandbox.security;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.sandbox.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Requires a configured bearer token, and a read-write one for writes (and, for the admin
 * instance, for every method).
 *
 * <p>No token: 401 "authentication required"; an unknown or malformed one: 401 "not valid"
 * (the value is never echoed). The starter adds the contract's {@code WWW-Authenticate}
 * challenge from {@code restfault.challenge.cid}. A read-only token on {@code POST},
 * {@code PUT}, {@code PATCH} or {@code DELETE}, or on an admin path: 403. The caller is left in
 * the request attribute {@link Caller#ATTRIBUTE} for the handlers.
 */
final class AuthInterceptor implements HandlerInterceptor {

    /** The methods a read-only token may not use. */
    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final TokenAuthenticator authenticator;
    private final boolean adminOnly;

    AuthInterceptor(TokenAuthenticator authenticator, boolean adminOnly) {
        this.authenticator = authenticator;
        this.adminOnly = adminOnly;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Caller caller = request.getAttribute(Caller.ATTRIBUTE) instanceof Caller known ? known : authenticate(request);
        if (!caller.canWrite() && (adminOnly || WRITES.contains(request.getMethod()))) {
            throw ContractException.builder(403)
                    .messageKey(adminOnly ? Texts.ADMIN_ONLY : Texts.READ_ONLY_TOKEN)
                    .build();
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        return true;
    }

    private Caller authenticate(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!TokenAuthenticator.isPresent(authorization)) {
            throw ContractException.builder(401).messageKey(ContractMessages.AUTHENTICATION_REQUIRED).build();
        }
        return authenticator.authenticate(authorization)
                .orElseThrow(() -> ContractException.builder(401).messageKey(Texts.INVALID_TOKEN).build());
    }
}
