package dev.restfault.core.http;

/**
 * Validation of values that are about to become header values.
 *
 * <p>A header value that carries CR or LF splits the response (header injection); other control
 * characters are rejected by some servers and mangled by others. Every value restfault puts in a
 * header passes through {@link #requireSafe(String, String)}: such values are rejected, never
 * escaped or passed through.
 */
public final class HeaderValues {

    /** The longest header value restfault will emit or trust, in characters. */
    public static final int MAX_LENGTH = 8192;

    private HeaderValues() {
    }

    /**
     * Whether {@code value} may be sent as a header value: non-null, at most {@link #MAX_LENGTH}
     * characters, no control characters other than horizontal tab, no DEL, and only characters
     * within ISO-8859-1 (which is what HTTP/1.1 field values can carry).
     */
    public static boolean isSafe(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns {@code value} if {@link #isSafe(String) safe}.
     *
     * @param name what the value is, for the message ("ETag", "challenge cid")
     * @throws IllegalArgumentException naming the offending character and its index, never
     *     echoing the value itself (it may be hostile)
     */
    public static String requireSafe(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(name + " is " + value.length() + " characters long, max " + MAX_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw new IllegalArgumentException(name + " contains control character U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
            if (c > 0xFF) {
                throw new IllegalArgumentException(name + " contains non-Latin-1 character U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
        }
        return value;
    }

    /**
     * Returns {@code tag} if it is an RFC 9110 entity tag: {@code "opaque"} or
     * {@code W/"opaque"}, where opaque holds no {@code "}, no space and no control character.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String requireEntityTag(String tag) {
        requireSafe("ETag", tag);
        int start = tag.startsWith("W/") ? 2 : 0;
        if (tag.length() < start + 2 || tag.charAt(start) != '"' || tag.charAt(tag.length() - 1) != '"') {
            throw new IllegalArgumentException("ETag must be a quoted entity tag such as \"v1\" or W/\"v1\"");
        }
        for (int i = start + 1; i < tag.length() - 1; i++) {
            char c = tag.charAt(i);
            if (c == '"' || c <= 0x20 || c == 0x7F) {
                throw new IllegalArgumentException("ETag contains an invalid character at index " + i);
            }
        }
        return tag;
    }

    /** Whether {@code s} is a non-empty RFC 9110 token (a method name, an auth scheme). */
    public static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isTokenChar(char c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
