package dev.restfault.core.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * {@code Negotiate abc==}. Parameter names are case-insensitive and kept in lower case. A parsed
 * challenge also remembers what a checker needs to judge the syntax it was sent in: which
 * parameter values were not quoted ({@link #isQuoted(String)}) and the first parameter sent twice
 * ({@link #repeatedParam()}), which RFC 9110 section 11.2 forbids.
 *
 * <p>What a cid may hold is decided here too ({@link #isValidCid(String)}), for the servers that
 * build the challenge and the checker that judges it.
 *
 * <p>Immutable.
 */
public final class AuthChallenge {

    /** The realm prefix the contract uses before the cid. */
    public static final String CPID_REALM_PREFIX = "urn:cpsvc:cpid:";

    /** The most challenges {@link #parseAll(String)} reads from one header value. */
    public static final int MAX_CHALLENGES = 32;

    /** The longest cid, in characters. */
    public static final int MAX_CID_LENGTH = 256;

    private final String scheme;
    private final Map<String, String> params;
    private final String token68;
    /** Names (lower case) of parameters sent unquoted at least once; empty for a built challenge. */
    private final Set<String> unquoted;
    /** The first parameter name sent a second time, as sent; null if none. */
    private final String repeated;

    private AuthChallenge(String scheme, Map<String, String> params, String token68) {
        this(scheme, params, token68, Set.of(), null);
    }

    private AuthChallenge(String scheme, Map<String, String> params, String token68, Set<String> unquoted, String repeated) {
        this.scheme = scheme;
        this.params = Collections.unmodifiableMap(params);
        this.token68 = token68;
        this.unquoted = unquoted;
        this.repeated = repeated;
    }

    /**
     * The contract's challenge, {@code OAuth realm="urn:cpsvc:cpid:{cid}"}.
     *
     * @param cid the partner's cid, as {@link #isValidCid(String)} says
     * @throws IllegalArgumentException if {@code cid} is null, empty, too long or holds another
     *     character (CR and LF included); the message names the first offending character's
     *     code point and index, never the cid itself
     */
    public static AuthChallenge oauth(String cid) {
        String invalid = cidProblem(cid);
        if (invalid != null) {
            throw new IllegalArgumentException(invalid);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("realm", CPID_REALM_PREFIX + cid);
        return new AuthChallenge("OAuth", params, null);
    }

    /**
     * A challenge with the given scheme and parameters; {@link #equals(Object)} compares scheme
     * (ignoring case), parameters and token68, not how a parsed challenge was spelled.
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

    /**
     * Whether {@code cid} can stand in the contract's realm {@code urn:cpsvc:cpid:{cid}}: 1 to
     * {@value #MAX_CID_LENGTH} characters of a URN's namespace-specific string (RFC 8141: letters,
     * digits, {@code - . _ ~ ! $ & ' ( ) * + ; = : @ /} and {@code %XX} escapes), without
     * {@code ,}, which would end the realm for a reader that takes it unquoted, as the seed
     * documents write it. A GUID or a name such as {@code contoso} is valid; a space, a quote, a
     * backslash, {@code <}, {@code >}, a control or non-ASCII character is not.
     *
     * @param cid null is not valid
     */
    public static boolean isValidCid(String cid) {
        return cidProblem(cid) == null;
    }

    /** Why {@code cid} is not valid, without quoting it; null if it is. */
    private static String cidProblem(String cid) {
        if (cid == null || cid.isEmpty()) {
            return "cid must not be null or empty";
        }
        if (cid.length() > MAX_CID_LENGTH) {
            return "cid is " + cid.length() + " characters long, max " + MAX_CID_LENGTH;
        }
        for (int i = 0; i < cid.length(); i++) {
            char c = cid.charAt(i);
            if (c == '%') {
                if (i + 2 >= cid.length() || !isHexDigit(cid.charAt(i + 1)) || !isHexDigit(cid.charAt(i + 2))) {
                    return "cid has an incomplete %-escape at index " + i;
                }
                i += 2;
            } else if (!isCidChar(c)) {
                return "cid contains an invalid character (U+" + String.format("%04X", (int) c) + ") at index " + i;
            }
        }
        return null;
    }

    private static boolean isCidChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~!$&'()*+;=:@/".indexOf(c) >= 0;
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
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

    /**
     * Whether parameter {@code name} (case-insensitive) is present and was sent as a quoted
     * string every time; always true for a present parameter of a built challenge, which
     * {@link #toHeaderValue()} quotes.
     */
    public boolean isQuoted(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return params.containsKey(lower) && !unquoted.contains(lower);
    }

    /**
     * For a parsed challenge, the first parameter name sent a second time within it, as sent
     * (RFC 9110 section 11.2 allows each name once; {@link #params()} keeps the last value).
     * Empty when none was, and for a built challenge.
     */
    public Optional<String> repeatedParam() {
        return Optional.ofNullable(repeated);
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
            Set<String> unquoted = new HashSet<>();
            String repeated = null;
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
                boolean isQuoted = pos < s.length() && s.charAt(pos) == '"';
                String value = isQuoted ? quoted() : looseValue();
                String lower = name.toLowerCase(Locale.ROOT);
                if (params.put(lower, value) != null && repeated == null) {
                    repeated = name;
                }
                if (!isQuoted) {
                    unquoted.add(lower);
                }
                int mark = pos;
                skipSpaces();
                if (pos >= s.length()) {
                    return new AuthChallenge(scheme, params, null, unquoted, repeated);
                }
                if (s.charAt(pos) != ',') {
                    throw error("expected ',' between parameters");
                }
                pos++;
                skipListSeparators();
                if (!nextIsParam()) {
                    // The comma ended this challenge; what follows starts the next one.
                    return new AuthChallenge(scheme, params, null, unquoted, repeated);
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
