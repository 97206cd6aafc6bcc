package dev.restfault.spring.implementation;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.spring.ContractErrorRenderer;
import dev.restfault.spring.ExceptionTranslator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Spring Security parts, loaded only when Spring Security is on the class path: a 401 with the
 * contract's challenge for an unauthenticated caller, a 403 for a denied one, from the security
 * filters as well as from method security (whose exceptions Spring MVC passes on to Security's
 * {@code ExceptionTranslationFilter}).
 */
public final class SecuritySupport {

    private SecuritySupport() {
    }

    /** Whether {@code t} is one of Spring Security's exceptions, which its filters must see. */
    public static boolean isSecurityException(Throwable t) {
        return t instanceof AuthenticationException || t instanceof AccessDeniedException;
    }

    /** 401 for {@link AuthenticationException}, 403 for {@link AccessDeniedException}. */
    public static ExceptionTranslator translator() {
        return (failure, request) -> {
            if (failure instanceof AuthenticationException) {
                return Optional.of(unauthorized());
            }
            if (failure instanceof AccessDeniedException) {
                return Optional.of(ContractException.builder(403).build());
            }
            return Optional.empty();
        };
    }

    static ContractException unauthorized() {
        return ContractException.builder(401).messageKey(ContractMessages.AUTHENTICATION_REQUIRED).build();
    }

    /** The entry point: 401 with the configured {@code WWW-Authenticate} challenge. */
    public static AuthenticationEntryPoint entryPoint(ContractErrorRenderer renderer) {
        return new EntryPoint(renderer);
    }

    /** The access-denied handler: 403. */
    public static AccessDeniedHandler accessDeniedHandler(ContractErrorRenderer renderer) {
        return new DeniedHandler(renderer);
    }

    /** Renders 401 in the contract; the description never says why authentication failed. */
    static final class EntryPoint implements AuthenticationEntryPoint {
        private final ContractErrorRenderer renderer;

        EntryPoint(ContractErrorRenderer renderer) {
            this.renderer = renderer;
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            renderer.render(request, response, unauthorized());
        }
    }

    /** Renders 403 in the contract. */
    static final class DeniedHandler implements AccessDeniedHandler {
        private final ContractErrorRenderer renderer;

        DeniedHandler(ContractErrorRenderer renderer) {
            this.renderer = renderer;
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
                throws IOException {
            renderer.render(request, response, ContractException.builder(403).build());
        }
    }
}
