package dev.restfault.springdoc;

/**
 * What the security in front of one operation refuses. Immutable.
 *
 * @param challenges whether a request without valid credentials is refused: 401 with the
 *     {@code WWW-Authenticate} challenge
 * @param forbids whether a request with valid credentials can still be refused: 403
 */
public record OperationSecurity(boolean challenges, boolean forbids) {

    /** Nothing is refused. */
    public static final OperationSecurity NONE = new OperationSecurity(false, false);

    /**
     * Both answers: refused when either refuses.
     *
     * @throws NullPointerException if {@code other} is null
     */
    public OperationSecurity or(OperationSecurity other) {
        return new OperationSecurity(challenges || other.challenges, forbids || other.forbids);
    }
}
