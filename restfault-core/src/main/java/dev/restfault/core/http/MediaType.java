package dev.restfault.core.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code Content-Type} value read the way every part of restfault reads one: its media type
 * ({@code type/subtype}, lower case, without parameters) and its parameters (names lower case,
 * values as sent, quotes removed). {@code application/json} and {@code application/problem+json}
 * are the two media types of an error ({@link #isJson()}, {@link #isProblemJson()}).
 *
 * <p>Lenient by design, because it reads what servers actually send: nothing is rejected, an
 * empty or odd value gives an odd {@link #essence()} that matches neither error media type, a
 * parameter without {@code =} is ignored, a repeated parameter keeps its last value. Hostile
 * input is bounded: only the first {@value #MAX_PARAMETERS} parameters are read. Immutable.
 */
public final class MediaType {

    /** The media type of a Partner Center or Partner API error (and of JSON in general). */
    public static final String JSON = "application/json";
    /** The media type of RFC 9457 problem details. */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** Parameters read at most; the rest of a longer value is ignored. */
    public static final int MAX_PARAMETERS = 32;

    private final String value;
    private final String essence;
    private final Map<String, String> parameters;

    private MediaType(String value, String essence, Map<String, String> parameters) {
        this.value = value;
        this.essence = essence;
        this.parameters = parameters;
    }

    /**
     * Reads one {@code Content-Type} value.
     *
     * @throws IllegalArgumentException if {@code value} is null (no header is not a media type)
     */
    public static MediaType parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("Content-Type value must not be null");
        }
        // Limit -1: a value of only semicolons still has a first (empty) part.
        String[] parts = value.split(";", MAX_PARAMETERS + 2);
        String essence = parts[0].trim().toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < parts.length && i <= MAX_PARAMETERS; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length == 2) {
                String v = kv[1].trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                parameters.put(kv[0].trim().toLowerCase(Locale.ROOT), v);
            }
        }
        return new MediaType(value, essence, Collections.unmodifiableMap(parameters));
    }

    /** The value as sent. */
    public String value() {
        return value;
    }

    /** {@code type/subtype} in lower case, without parameters; empty when the value names none. */
    public String essence() {
        return essence;
    }

    /** The parameter {@code name} (any case), quotes removed. */
    public Optional<String> parameter(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The {@code charset} parameter, as sent (not validated, not normalized). */
    public Optional<String> charset() {
        return parameter("charset");
    }

    /** Whether this is {@code application/json}. */
    public boolean isJson() {
        return essence.equals(JSON);
    }

    /** Whether this is {@code application/problem+json}. */
    public boolean isProblemJson() {
        return essence.equals(PROBLEM_JSON);
    }

    /** Whether this is one of the two media types an error may have: {@link #isJson()} or {@link #isProblemJson()}. */
    public boolean isErrorMediaType() {
        return isJson() || isProblemJson();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaType && ((MediaType) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The value as sent. */
    @Override
    public String toString() {
        return value;
    }
}
