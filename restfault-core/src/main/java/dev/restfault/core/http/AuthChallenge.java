package dev.restfault.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One authentication challenge of a {@code WWW-Authenticate} header (RFC 9110 section 11.6.1),
 * such as the contract's {@code OAuth realm="urn:cpsvc:cpid:{cid}"}.
 *
 * <p>Building: {@link #oauth(String)} makes the contract's challenge with the realm quoted, as
 * RFC 9110 requires (the seed documents show it unquoted, which strict clients reject).
 *
 * <p>Parsing: {@link #parseAll(String)} reads every challenge of one header value, with quoted or
 * unquoted parameter values (the seed's unquoted {@code realm=urn:cpsvc:cpid:...} included, even
 * though {@code :} is not a token character) and token68 credentials such as
 * {@code Negotiate abc==}. Parameter names are case-insensitive and kept in lower case.
 *
 * <p>Immutable.
 */
public final class AuthChallenge {

    /** The realm prefix the contract uses before the cid. */
    public static final String CPID_REALM_PREFIX = "urn:cpsvc:cpid:";

    /** The most challenges {@link #parseAll(String)} reads from one header value. */
    public static final int MAX_CHALLENGES = 32;

    private final String scheme;
    private final Map<String, String> params;
    private final String token68;

    private AuthChallenge(String scheme, Map<String, String> params, String token68) {
        this.scheme = scheme;
        this.params = Collections.unmodifiableMap(params);
        this.token68 = token68;
    }

    /**
     * The contract's challenge, {@code OAuth realm="urn:cpsvc:cpid:{cid}"}.
     *
     * @param cid the partner's cid: 1 to 256 visible ASCII characters other than {@code "},
     *     {@code \}, {@code ,} and space
     * @throws IllegalArgumentException if {@code cid} is null, empty, too long or holds another
     *     character (CR and LF included)
     */
    public static AuthChallenge oauth(String cid) {
        if (cid == null || cid.isEmpty()) {
            throw new IllegalArgumentException("cid must not be null or empty");
        }
        if (cid.length() > 256) {
            throw new IllegalArgumentException("cid is " + cid.length() + " characters long, max 256");
        }
        for (int i = 0; i < cid.length(); i++) {
            char c = cid.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '"' || c == '\\' || c == ',') {
                throw new IllegalArgumentException("cid contains an invalid character (U+"
                        + String.format("%04X", (int) c) + ") at index " + i);
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("realm", CPID_REALM_PREFIX + cid);
        return new AuthChallenge("OAuth", params, null);
    }

    /**
     * A challenge with the given scheme and parameters.
     *
     * @throws IllegalArgumentException if the scheme or a parameter name is not a token, or a
     *     value is not {@link HeaderValues#isSafe(String) safe}
     */
    public static AuthChallenge of(String scheme, Map<String, String> params) {
        if (!HeaderValues.isToken(scheme)) {
            throw new IllegalArgumentException("scheme must be a token");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!HeaderValues.isToken(e.getKey())) {
                throw new IllegalArgumentException("parameter name must be a token");
            }
            copy.put(e.getKey().toLowerCase(Locale.ROOT), HeaderValues.requireSafe("parameter " + e.getKey(), e.getValue()));
        }
        return new AuthChallenge(scheme, copy, null);
    }

    /** The authentication scheme, as sent ("OAuth", "Bearer"); compare ignoring case. */
    public String scheme() {
        return scheme;
    }

    /** The parameters, names in lower case, values unquoted and unescaped, in order. */
    public Map<String, String> params() {
        return params;
    }

    /** The value of parameter {@code name} (case-insensitive). */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> realm() {
        return param("realm");
    }

    /** The token68 credential of schemes that use one instead of parameters. */
    public Optional<String> token68() {
        return Optional.ofNullable(token68);
    }

    /** The cid, when the realm has the contract's {@code urn:cpsvc:cpid:} form. */
    public Optional<String> cid() {
        return realm().filter(r -> r.regionMatches(true, 0, CPID_REALM_PREFIX, 0, CPID_REALM_PREFIX.length())
                        && r.length() > CPID_REALM_PREFIX.length())
                .map(r -> r.substring(CPID_REALM_PREFIX.length()));
    }

    /** The header value, every parameter value quoted and escaped as RFC 9110 requires. */
    public String toHeaderValue() {
        StringBuilder sb = new StringBuilder(scheme);
        if (token68 != null) {
            return sb.append(' ').append(token68).toString();
        }
        String sep = " ";
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(e.getKey()).append("=\"");
            String v = e.getValue();
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
            }
            sb.append('"');
            sep = ", ";
        }
        return sb.toString();
    }

    /**
     * Every challenge in one {@code WWW-Authenticate} value, in order.
     *
     * @param headerValue the header value; null or blank yields an empty list
     * @throws IllegalArgumentException if the value is not a list of challenges (the message says
     *     at which index), holds a control character, or has more than {@link #MAX_CHALLENGES}
     */
    public static List<AuthChallenge> parseAll(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return List.of();
        }
        HeaderValues.requireSafe("WWW-Authenticate", headerValue);
        return new Parser(headerValue).challenges();
    }

    /**
     * The first challenge with the given scheme (ignoring case) among those of {@code headerValue},
     * or empty when there is none or the value cannot be parsed. For tolerant readers.
     */
    public static Optional<AuthChallenge> find(String headerValue, String scheme) {
        try {
            for (AuthChallenge c : parseAll(headerValue)) {
                if (c.scheme.equalsIgnoreCase(scheme)) {
                    return Optional.of(c);
                }
            }
        } catch (IllegalArgumentException malformed) {
            // Tolerant by contract: a malformed challenge is treated as absent.
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AuthChallenge)) {
            return false;
        }
        AuthChallenge c = (AuthChallenge) o;
        return scheme.equalsIgnoreCase(c.scheme) && params.equals(c.params) && Objects.equals(token68, c.token68);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme.toLowerCase(Locale.ROOT), params, token68);
    }

    @Override
    public String toString() {
        return toHeaderValue();
    }

    /** A small recursive-descent parser over one header value. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        List<AuthChallenge> challenges() {
            List<AuthChallenge> out = new ArrayList<>();
            skipListSeparators();
            while (pos < s.length()) {
                if (out.size() == MAX_CHALLENGES) {
                    throw new IllegalArgumentException("more than " + MAX_CHALLENGES + " challenges");
                }
                out.add(challenge());
                skipListSeparators();
            }
            return out;
        }

        private AuthChallenge challenge() {
            String scheme = token();
            if (scheme.isEmpty()) {
                throw error("expected an auth scheme");
            }
            Map<String, String> params = new LinkedHashMap<>();
            int afterScheme = pos;
            skipSpaces();
            if (pos == afterScheme || pos >= s.length() || s.charAt(pos) == ',') {
                return new AuthChallenge(scheme, params, null); // scheme alone
            }
            String token68 = tryToken68();
            if (token68 != null) {
                return new AuthChallenge(scheme, params, token68);
            }
            while (true) {
                String name = token();
                if (name.isEmpty()) {
                    throw error("expected a parameter name");
                }
                skipSpaces();
                if (pos >= s.length() || s.charAt(pos) != '=') {
                    throw error("expected '=' after parameter " + quoteSafe(name));
                }
                pos++;
                skipSpaces();
                String value = pos < s.length() && s.charAt(pos) == '"' ? quoted() : looseValue();
                params.put(name.toLowerCase(Locale.ROOT), value);
                int mark = pos;
                skipSpaces();
                if (pos >= s.length()) {
                    return new AuthChallenge(scheme, params, null);
                }
                if (s.charAt(pos) != ',') {
                    throw error("expected ',' between parameters");
                }
                pos++;
                skipListSeparators();
                if (!nextIsParam()) {
                    // The comma ended this challenge; what follows starts the next one.
                    return new AuthChallenge(scheme, params, null);
                }
                if (mark == pos) {
                    throw error("no progress");
                }
            }
        }

        /** Whether what follows is {@code token BWS "="}, i.e. a parameter, not a new scheme. */
        private boolean nextIsParam() {
            int save = pos;
            String name = token();
            skipSpaces();
            boolean param = !name.isEmpty() && pos < s.length() && s.charAt(pos) == '=';
            pos = save;
            return param;
        }

        /** token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=", alone before a comma or the end. */
        private String tryToken68() {
            int start = pos;
            int i = pos;
            while (i < s.length() && isToken68Char(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return null;
            }
            while (i < s.length() && s.charAt(i) == '=') {
                i++;
            }
            int end = i;
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            // "realm=x" starts like a token68 too; it is one only if nothing but a comma or the
            // end follows, since a parameter needs a value after its "=".
            if (i < s.length() && s.charAt(i) != ',') {
                return null;
            }
            pos = end;
            return s.substring(start, end);
        }

        private static boolean isToken68Char(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~+/".indexOf(c) >= 0;
        }

        private String token() {
            int start = pos;
            while (pos < s.length() && HeaderValues.isTokenChar(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        /** An unquoted value: lenient, anything up to whitespace or a comma. */
        private String looseValue() {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != ' ' && s.charAt(pos) != '\t') {
                if (s.charAt(pos) == '"') {
                    throw error("unexpected '\"' in unquoted value");
                }
                pos++;
            }
            if (pos == start) {
                throw error("expected a parameter value");
            }
            return s.substring(start, pos);
        }

        private String quoted() {
            pos++; // opening quote
            StringBuilder sb = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (pos >= s.length()) {
                        break;
                    }
                    c = s.charAt(pos++);
                }
                sb.append(c);
            }
            throw error("unterminated quoted string");
        }

        private void skipSpaces() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private void skipListSeparators() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == ',')) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("malformed WWW-Authenticate: " + what + " at index " + pos);
        }

        private static String quoteSafe(String name) {
            return name.length() > 40 ? name.substring(0, 40) + "..." : name;
        }
    }
}
