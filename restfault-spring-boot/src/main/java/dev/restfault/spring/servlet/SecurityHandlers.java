package dev.restfault.spring.servlet;

import dev.restfault.server.StatusErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
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
        return new EntryPoint(responder);
    }

    /** The access-denied handler: 403. */
    public static AccessDeniedHandler accessDeniedHandler(ServletErrorResponder responder) {
        return new DeniedHandler(responder);
    }

    static final class EntryPoint implements AuthenticationEntryPoint {
        private final ServletErrorResponder responder;

        EntryPoint(ServletErrorResponder responder) {
            this.responder = responder;
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            responder.render(request, response, StatusErrors.of(401));
        }
    }

    static final class DeniedHandler implements AccessDeniedHandler {
        private final ServletErrorResponder responder;

        DeniedHandler(ServletErrorResponder responder) {
            this.responder = responder;
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
                throws IOException {
            responder.render(request, response, StatusErrors.of(403));
        }
    }
}
