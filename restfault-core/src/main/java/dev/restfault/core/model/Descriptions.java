package dev.restfault.core.model;

/**
 * Enforces the contract's description rule: non-empty, at most {@value #MAX_LENGTH} UTF-16 code
 * units.
 *
 * <p>A longer text is cut, never rejected: an error must still be reported when its text is too
 * long. The cut text ends with {@value #CUT_MARK} (one code unit) so a reader can tell it was
 * shortened, and the cut point is chosen so that:
 * <ul>
 *   <li>no surrogate pair is split (the result is always well-formed UTF-16);</li>
 *   <li>no combining mark, variation selector, emoji modifier, tag character or zero-width
 *       joiner is separated from the character it belongs to, and no regional-indicator flag is
 *       halved, unless the cluster is longer than {@value #MAX_CLUSTER_BACKTRACK} code units
 *       (a hostile "zalgo" text), in which case the cut falls on the nearest code-point
 *       boundary.</li>
 * </ul>
 */
public final class Descriptions {

    /** The contract's maximum description length, in UTF-16 code units. */
    public static final int MAX_LENGTH = 1024;

    /** Appended to a cut description: HORIZONTAL ELLIPSIS, a single UTF-16 code unit. */
    public static final String CUT_MARK = "\u2026";

    /** How far back the cut may move to keep a grapheme cluster whole. */
    public static final int MAX_CLUSTER_BACKTRACK = 64;

    private Descriptions() {
    }

    /**
     * Returns {@code text} if it fits, otherwise a prefix cut on a safe boundary followed by
     * {@link #CUT_MARK}; the result is never longer than {@link #MAX_LENGTH}.
     *
     * @throws IllegalArgumentException if {@code text} is null or empty
     */
    public static String fit(String text) {
        requireNonEmpty(text, "description");
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        return cut(text, MAX_LENGTH);
    }

    /**
     * Cuts {@code text} so that the result, mark included, is at most {@code maxLength} code units.
     * Package-private for tests and for the other length-bounded members of the model.
     */
    static String cut(String text, int maxLength) {
        int limit = maxLength - CUT_MARK.length();
        int end = codePointBoundary(text, limit);
        int clusterEnd = clusterBoundary(text, end);
        if (end - clusterEnd <= MAX_CLUSTER_BACKTRACK && clusterEnd > 0) {
            end = clusterEnd;
        }
        return text.substring(0, end) + CUT_MARK;
    }

    /** The largest index {@code <= limit} that does not split a surrogate pair. */
    private static int codePointBoundary(String text, int limit) {
        if (limit > 0 && limit < text.length()
                && Character.isHighSurrogate(text.charAt(limit - 1))
                && Character.isLowSurrogate(text.charAt(limit))) {
            return limit - 1;
        }
        return limit;
    }

    /**
     * Moves {@code end} back while the code point at {@code end} continues the cluster that
     * precedes it.
     */
    private static int clusterBoundary(String text, int end) {
        int i = end;
        while (i > 0 && i < text.length()) {
            int next = text.codePointAt(i);
            int prev = text.codePointBefore(i);
            if (!continuesCluster(prev, next, text, i)) {
                break;
            }
            i -= Character.charCount(prev);
        }
        return i;
    }

    private static boolean continuesCluster(int prev, int next, String text, int index) {
        if (prev == ZWJ || next == ZWJ || isExtender(next)) {
            return true;
        }
        if (isRegionalIndicator(prev) && isRegionalIndicator(next)) {
            // Flags are pairs: splitting between them is fine only after an even count.
            return regionalIndicatorsBefore(text, index) % 2 == 1;
        }
        return false;
    }

    private static final int ZWJ = 0x200D;

    private static boolean isExtender(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || (cp >= 0xFE00 && cp <= 0xFE0F)        // variation selectors
                || (cp >= 0xE0100 && cp <= 0xE01EF)      // variation selectors supplement
                || (cp >= 0x1F3FB && cp <= 0x1F3FF)      // emoji skin-tone modifiers
                || (cp >= 0xE0020 && cp <= 0xE007F);     // tag characters (subdivision flags)
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static int regionalIndicatorsBefore(String text, int index) {
        int count = 0;
        int i = index;
        while (i > 0) {
            int cp = text.codePointBefore(i);
            if (!isRegionalIndicator(cp)) {
                break;
            }
            count++;
            i -= Character.charCount(cp);
        }
        return count;
    }

    static String requireNonEmpty(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    /**
     * Whether {@code text} shows nothing to a reader: it is empty or holds only white space, in
     * the widest sense of the two definitions a body meets: Java's
     * {@link Character#isWhitespace(char)} and the {@code \s} of the ECMA-262 regular expressions
     * that JSON Schema patterns use (every space separator, U+00A0, U+2007, U+202F and U+FEFF
     * included, which {@link String#isBlank()} lets through). A code or a source that is blank in
     * this sense names nothing.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF') {
                return false;
            }
        }
        return true;
    }

    static String requireNonBlank(String value, String name) {
        requireNonEmpty(value, name);
        if (isBlank(value)) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
