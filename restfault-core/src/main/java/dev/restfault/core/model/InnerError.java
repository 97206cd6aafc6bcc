package dev.restfault.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The Partner API's {@code innerError}: a more specific error from the particular API, which may
 * itself carry an {@code innerError}.
 *
 * <p>Guarantees: at least one of {@code code} and {@code message} is present; {@code message},
 * when present, is non-empty and at most 1024 UTF-16 code units (cut as
 * {@link Descriptions#fit(String)} does); the chain, this one included, is at most
 * {@link ModelLimits#MAX_INNER_ERROR_DEPTH} long. Immutable.
 */
public final class InnerError {

    private final String code;
    private final String message;
    private final InnerError innerError;

    private InnerError(String code, String message, InnerError innerError) {
        if (code == null && message == null) {
            throw new IllegalArgumentException("innerError needs a code or a message");
        }
        this.code = code == null ? null : ModelLimits.requireToken(Descriptions.requireNonBlank(code, "innerError.code"), "innerError.code");
        this.message = message == null ? null : Descriptions.fit(message);
        this.innerError = innerError;
        int depth = depth();
        if (depth > ModelLimits.MAX_INNER_ERROR_DEPTH) {
            throw new IllegalArgumentException("innerError chain is " + depth + " long, max "
                    + ModelLimits.MAX_INNER_ERROR_DEPTH);
        }
    }

    /**
     * An inner error.
     *
     * @param code the specific code, or null
     * @param message the text, or null; cut if over 1024 UTF-16 code units
     * @param innerError the next, more specific error, or null
     * @throws IllegalArgumentException if both code and message are null, code is blank, message
     *     is empty, or the chain is too long
     */
    public static InnerError of(String code, String message, InnerError innerError) {
        return new InnerError(code, message, innerError);
    }

    /** Shorthand without a nested inner error. */
    public static InnerError of(String code, String message) {
        return new InnerError(code, message, null);
    }

    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** The next, more specific inner error. */
    public Optional<InnerError> innerError() {
        return Optional.ofNullable(innerError);
    }

    /** The last inner error of the chain: this one if it has none. */
    public InnerError deepest() {
        InnerError current = this;
        while (current.innerError != null) {
            current = current.innerError;
        }
        return current;
    }

    /** Length of the chain starting here. */
    public int depth() {
        int depth = 1;
        for (InnerError e = innerError; e != null; e = e.innerError) {
            depth++;
        }
        return depth;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof InnerError)) {
            return false;
        }
        InnerError other = (InnerError) o;
        return Objects.equals(code, other.code) && Objects.equals(message, other.message)
                && Objects.equals(innerError, other.innerError);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, message, innerError);
    }

    @Override
    public String toString() {
        return "InnerError{code=" + code + ", message=" + Texts.abbreviate(message, 80)
                + (innerError == null ? "" : ", innerError=" + innerError) + "}";
    }
}
