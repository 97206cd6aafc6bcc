package dev.restfault.sandbox.security;

import dev.restfault.sandbox.config.SandboxProperties;
import dev.restfault.sandbox.config.SandboxProperties.Token;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Finds the configured token an {@code Authorization} header carries.
 *
 * <p>Reads {@code Bearer <token>} with the scheme in any case (RFC 9110 makes it
 * case-insensitive) and one or more spaces before the token. A missing, blank, oversized
 * (over {@value #MAX_HEADER} characters) or malformed header, another scheme, or a token that
 * is not configured all yield empty: the caller answers 401 and never echoes the value. Tokens are
 * compared in constant time so that response timing does not reveal how much of a guess matched.
 * Thread-safe.
 */
@Component
public final class TokenAuthenticator {

    /** The longest {@code Authorization} value read; longer ones are rejected unread. */
    public static final int MAX_HEADER = 1024;

    private static final String BEARER = "bearer";

    private final List<Token> tokens;

    /**
     * @throws IllegalArgumentException if two tokens have the same value or the same name
     */
    public TokenAuthenticator(SandboxProperties properties) {
        this.tokens = List.copyOf(properties.auth().tokens());
        Set<String> values = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Token t : tokens) {
            if (!values.add(t.value())) {
                throw new IllegalArgumentException("sandbox.auth.tokens: two tokens have the same value (" + t.name() + ")");
            }
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("sandbox.auth.tokens: two tokens are named " + t.name());
            }
        }
    }

    /** Whether the request carried an {@code Authorization} header at all (null or blank: no). */
    public static boolean isPresent(String authorization) {
        return authorization != null && !authorization.isBlank();
    }

    /**
     * The caller whose token {@code authorization} carries.
     *
     * @param authorization the header value; null, blank, oversized or malformed yields empty
     */
    public Optional<Caller> authenticate(String authorization) {
        if (!isPresent(authorization) || authorization.length() > MAX_HEADER) {
            return Optional.empty();
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space <= 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.empty();
        }
        byte[] presented = value.substring(space + 1).strip().getBytes(StandardCharsets.UTF_8);
        Token match = null;
        for (Token t : tokens) {
            // Every token is compared, match or not, so timing depends only on the token count.
            if (MessageDigest.isEqual(presented, t.value().getBytes(StandardCharsets.UTF_8))) {
                match = t;
            }
        }
        return match == null ? Optional.empty() : Optional.of(new Caller(match.name(), match.access()));
    }

    /** The configured tokens, for the startup banner. */
    public List<Token> tokens() {
        return tokens;
    }
}
