package dev.restfault.springdoc.implementation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/** A handler guarded by method security ({@code @PreAuthorize}), for the security inspectors' tests. */
final class GuardedHandler {

    @PreAuthorize("hasRole('AUDITOR')")
    public String audit() {
        return "";
    }

    /** {@link #audit} as the handler mappings hold it. */
    static HandlerMethod handler() {
        try {
            return new HandlerMethod(new GuardedHandler(), GuardedHandler.class.getDeclaredMethod("audit"));
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
