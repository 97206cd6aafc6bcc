package dev.restfault.json;

import java.util.Objects;

/**
 * The only exception an {@link ErrorReader} throws: the body could not be understood as an
 * error, and why.
 *
 * <p>It carries a {@link #reason()} to branch on and a {@link #rawExcerpt()} of the body for
 * diagnosis. The message is written by restfault (never a parser's internal text or a class
 * name), but it is meant for logs, not for an HTTP response. Created without a stack trace: a
 * broken body from a peer is an expected event, not a bug in the caller.
 */
public final class ErrorBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a body was not understood. */
    public enum Reason {
        /** No body: null, zero bytes, or only whitespace. */
        EMPTY,
        /** Not JSON at all: HTML or plain text from a gateway, say. */
        NOT_JSON,
        /** JSON that breaks the grammar after a valid start, or invalid UTF-8. */
        MALFORMED,
        /** JSON that ends before its root value is complete. */
        TRUNCATED,
        /** A {@link ReaderLimits} bound or a bound of the error model was exceeded. */
        LIMIT_EXCEEDED,
        /** Valid JSON that is not an error in any of the known shapes. */
        NOT_AN_ERROR,
        /** The input stream failed while it was read. */
        IO
    }

    /** Why the body was not understood. */
    private final Reason reason;
    /** The safe start of the body, never null. */
    private final String rawExcerpt;

    /**
     * @param reason why the body was not understood; not null
     * @param message a restfault-written message for logs; not null
     * @param rawExcerpt the start of the body as safe text; null means empty
     */
    public ErrorBodyException(Reason reason, String message, String rawExcerpt) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.rawExcerpt = rawExcerpt == null ? "" : rawExcerpt;
    }

    /** Why the body was not understood; never null. */
    public Reason reason() {
        return reason;
    }

    /**
     * The first {@link ReaderLimits#maxRawExcerpt()} characters of the body, decoded as UTF-8
     * leniently (invalid bytes become U+FFFD), with every control character replaced (line
     * breaks and tabs by a space, others by U+FFFD) so it is safe to log. Never null; empty for an
     * empty body.
     */
    public String rawExcerpt() {
        return rawExcerpt;
    }
}
