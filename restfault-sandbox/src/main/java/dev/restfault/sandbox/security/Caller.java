package dev.restfault.sandbox.security;

import dev.restfault.sandbox.config.SandboxProperties.Access;
import java.util.Objects;

/**
 * Who sent a request: the name of the token it carried and what that token may do. Never holds
 * the token itself. Immutable.
 *
 * @param name the token's configured name, for logs and rate-limit keys
 * @param access what the token may do
 */
public record Caller(String name, Access access) {

    /** The request attribute under which an authenticated request carries its caller. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(access, "access");
    }

    /** Whether this caller may change data and use the admin endpoints. */
    public boolean canWrite() {
        return access == Access.READ_WRITE;
    }
}
