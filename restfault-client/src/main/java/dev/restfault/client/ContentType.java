package dev.restfault.client;

import dev.restfault.core.http.HeaderValues;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The two things restfault needs from a {@code Content-Type} value: the media type and the
 * charset. Lenient: a missing, unsafe or odd value gives no media type and UTF-8, an unknown
 * charset gives UTF-8 (marked undeclared), never an exception.
 */
final class ContentType {

    static final ContentType NONE = new ContentType(null, null, StandardCharsets.UTF_8, false);

    /**
     * The last value parsed and its result. A service answers with the same Content-Type again
     * and again; parsing it (split, trim, charset lookup) cost a sixth of decoding an error. The
     * result is immutable, so a stale or racing read is harmless.
     */
    private static volatile ContentType last = NONE;

    final String raw;
    final String mediaType;
    final Charset charset;
    final boolean charsetDeclared;

    private ContentType(String raw, String mediaType, Charset charset, boolean charsetDeclared) {
        this.raw = raw;
        this.mediaType = mediaType;
        this.charset = charset;
        this.charsetDeclared = charsetDeclared;
    }

    static ContentType parse(String value) {
        if (value == null) {
            return NONE;
        }
        ContentType cached = last;
        if (value.equals(cached.raw)) {
            return cached;
        }
        ContentType parsed = parseUncached(value);
        last = parsed;
        return parsed;
    }

    private static ContentType parseUncached(String value) {
        if (!HeaderValues.isSafe(value)) {
            return NONE;
        }
        String[] parts = value.split(";", 16);
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        String mediaType = type.isEmpty() || type.length() > 128 ? null : type;
        Charset charset = StandardCharsets.UTF_8;
        boolean declared = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                Charset cs = charset(p.substring(eq + 1).trim());
                if (cs != null) {
                    charset = cs;
                    declared = true;
                }
            }
        }
        return new ContentType(value, mediaType, charset, declared);
    }

    private static Charset charset(String value) {
        String name = value;
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.isEmpty() || name.length() > 40) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknownOrIllegal) {
            // IllegalCharsetNameException and UnsupportedCharsetException: fall back to UTF-8.
            return null;
        }
    }
}
