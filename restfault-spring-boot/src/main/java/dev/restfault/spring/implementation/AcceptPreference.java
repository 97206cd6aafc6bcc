package dev.restfault.spring.implementation;

import dev.restfault.core.http.AcceptHeader;
import java.util.Enumeration;

/**
 * Whether a request's {@code Accept} prefers RFC 9457 problem details over plain JSON: its header
 * lines, joined, read by {@link AcceptHeader#prefersProblemDetails()}, the core's one rule
 * (RFC 9110 §12.5.1 qualities; a tie keeps the contract's JSON; bounded, never an error).
 */
public final class AcceptPreference {

    private AcceptPreference() {
    }

    /** @param acceptHeaders the request's {@code Accept} values; null or empty prefers nothing */
    public static boolean prefersProblemDetails(Enumeration<String> acceptHeaders) {
        if (acceptHeaders == null) {
            return false;
        }
        StringBuilder joined = new StringBuilder();
        while (acceptHeaders.hasMoreElements() && joined.length() < AcceptHeader.MAX_CHARS) {
            String value = acceptHeaders.nextElement();
            if (value != null) {
                if (joined.length() > 0) {
                    joined.append(',');
                }
                joined.append(value, 0, Math.min(value.length(), AcceptHeader.MAX_CHARS - joined.length()));
            }
        }
        return AcceptHeader.parse(joined.toString()).prefersProblemDetails();
    }
}
