package dev.restfault.json.implementation;

import dev.restfault.json.ErrorBodyException;

/**
 * Thrown inside the decoder when a body breaks a bound or is not an error; turned into an
 * {@link ErrorBodyException} (with the raw excerpt) by the reader, or into a databind error by
 * the databind module. Not part of the API; created without a stack trace.
 */
public final class DecodeFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorBodyException.Reason reason;

    public DecodeFailure(ErrorBodyException.Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public ErrorBodyException.Reason reason() {
        return reason;
    }
}
