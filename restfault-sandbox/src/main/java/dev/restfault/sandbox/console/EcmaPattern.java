package dev.restfault.sandbox.console;

/**
 * A Bean Validation {@code @Pattern} as the OpenAPI document must publish it. springdoc copies the
 * annotation's regular expression as it is, but the two do not mean the same thing: Bean
 * Validation matches a Java expression against the whole value, OpenAPI 3.1 (JSON Schema) searches
 * an ECMA-262 expression anywhere in the value, and ECMA-262 has no inline flags, so a Java
 * {@code (?i)} makes the published pattern invalid for JavaScript tools (Swagger UI's validation,
 * Node). The published form is anchored, {@code ^(?:...)$}, and a leading {@code (?i)} (ASCII case
 * folding, as Java reads it without {@code UNICODE_CASE}) is written out: each letter as a class of
 * both cases, each letter or letter range in a class with its other case added.
 *
 * <p>Only what the sandbox's patterns use is translated: literals, alternation, groups,
 * quantifiers, classes with ranges, and the escapes ECMA-262 reads alike ({@code \.}, {@code \d},
 * {@code \w}, {@code \s}, {@code \xHH}...). Anything else (another inline flag, {@code \p{...}},
 * {@code \Q...\E}, class intersections) is refused, so that a new pattern cannot be published
 * wrong unnoticed.
 */
final class EcmaPattern {

    private static final String IGNORE_CASE = "(?i)";
    /** Escapes of a letter that ECMA-262 reads as Java does (x is followed by two hex digits). */
    private static final String SAME_LETTER_ESCAPES = "dDwWsSntfrx";

    private EcmaPattern() {
    }

    /**
     * {@code javaPattern}, matched against a whole value, as an ECMA-262 pattern searched in it.
     *
     * @throws IllegalArgumentException if it uses a construct this class does not translate
     */
    static String of(String javaPattern) {
        boolean ignoreCase = javaPattern.startsWith(IGNORE_CASE);
        String body = ignoreCase ? javaPattern.substring(IGNORE_CASE.length()) : javaPattern;
        StringBuilder out = new StringBuilder(body.length() * 2 + 6).append("^(?:");
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\\') {
                i = escape(body, i, out);
            } else if (c == '[') {
                i = characterClass(body, i, ignoreCase, out);
            } else if (c == '(' && i + 1 < body.length() && body.charAt(i + 1) == '?'
                    && !(i + 2 < body.length() && (body.charAt(i + 2) == ':' || body.charAt(i + 2) == '=' || body.charAt(i + 2) == '!'))) {
                throw unsupported(javaPattern, "an inline flag or named group");
            } else {
                if (ignoreCase && isAsciiLetter(c)) {
                    out.append('[').append(Character.toLowerCase(c)).append(Character.toUpperCase(c)).append(']');
                } else {
                    out.append(c);
                }
                i++;
            }
        }
        return out.append(")$").toString();
    }

    /** Whether {@code pattern} is already in the published form (a customizer may run twice). */
    static boolean isPublished(String pattern) {
        return pattern.startsWith("^(?:") && pattern.endsWith(")$");
    }

    /** Copies the escape at {@code body[at]}; returns the index after it. */
    private static int escape(String body, int at, StringBuilder out) {
        if (at + 1 >= body.length()) {
            throw unsupported(body, "a trailing backslash");
        }
        char e = body.charAt(at + 1);
        if (isAsciiLetter(e) && SAME_LETTER_ESCAPES.indexOf(e) < 0 || Character.isDigit(e)) {
            throw unsupported(body, "the escape \\" + e);
        }
        int end = e == 'x' ? at + 4 : at + 2;
        if (end > body.length()) {
            throw unsupported(body, "a cut \\x escape");
        }
        out.append(body, at, end);
        return end;
    }

    /** Copies the class opening at {@code body[at]}, its letters in both cases if asked; returns the index after it. */
    private static int characterClass(String body, int at, boolean ignoreCase, StringBuilder out) {
        StringBuilder members = new StringBuilder();
        StringBuilder otherCase = new StringBuilder();
        int i = at + 1;
        if (i < body.length() && body.charAt(i) == '^') {
            members.append('^');
            i++;
        }
        while (true) {
            if (i >= body.length()) {
                throw unsupported(body, "an unclosed class");
            }
            char c = body.charAt(i);
            if (c == ']') {
                break;
            }
            if (c == '[' || c == '&' && i + 1 < body.length() && body.charAt(i + 1) == '&') {
                throw unsupported(body, "a nested class or intersection");
            }
            if (c == '\\') {
                i = escape(body, i, members);
                continue;
            }
            boolean range = i + 2 < body.length() && body.charAt(i + 1) == '-' && body.charAt(i + 2) != ']';
            char last = range ? body.charAt(i + 2) : c;
            if (range && last == '\\') {
                throw unsupported(body, "a range ending in an escape");
            }
            if (!range && c == '-') {
                members.append("\\-"); // escaped, so that no member added after it can make it a range
            } else {
                members.append(c);
            }
            if (range) {
                members.append('-').append(last);
            }
            if (ignoreCase && isAsciiLetter(c) && isAsciiLetter(last)
                    && Character.isLowerCase(c) == Character.isLowerCase(last)) {
                otherCase.append(swapCase(c));
                if (range) {
                    otherCase.append('-').append(swapCase(last));
                }
            } else if (ignoreCase && (isAsciiLetter(c) || isAsciiLetter(last))) {
                throw unsupported(body, "a range mixing letters and other characters");
            }
            i += range ? 3 : 1;
        }
        out.append('[').append(members).append(otherCase).append(']');
        return i + 1;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static char swapCase(char c) {
        return Character.isLowerCase(c) ? Character.toUpperCase(c) : Character.toLowerCase(c);
    }

    private static IllegalArgumentException unsupported(String pattern, String what) {
        return new IllegalArgumentException("cannot publish the pattern '" + pattern + "' for OpenAPI: " + what
                + " is not translated to ECMA-262");
    }
}
