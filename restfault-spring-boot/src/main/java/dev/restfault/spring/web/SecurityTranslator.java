package dev.restfault.spring.web;

import dev.restfault.core.exception.ContractException;
import dev.restfault.server.ExceptionTranslator;
import dev.restfault.server.StatusErrors;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Spring Security's two verdicts in the contract, for any web stack: 401 for an unauthenticated
 * caller (the renderer adds the configured challenge; the description never says why
 * authentication failed), 403 for a denied one. Loaded only when Spring Security is on the class
 * path.
 */
public final class SecurityTranslator {

    private SecurityTranslator() {
    }

    /** Whether {@code t} is one of Spring Security's exceptions, which its filters must see first. */
    public static boolean isSecurityException(Throwable t) {
        return t instanceof AuthenticationException || t instanceof AccessDeniedException;
    }

    /** 401 for {@link AuthenticationException}, 403 for {@link AccessDeniedException}. */
    public static ExceptionTranslator translator() {
        return (failure, request) -> Optional.ofNullable(answer(failure));
    }

    /** The contract error for a security exception; null for any other failure. */
    public static ContractException answer(Throwable failure) {
        if (failure instanceof AuthenticationException) {
            return StatusErrors.of(401);
        }
        if (failure instanceof AccessDeniedException) {
            return StatusErrors.of(403);
        }
        return null;
    }
}
