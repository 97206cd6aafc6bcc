package dev.restfault.json.implementation;

/**
 * Text repairs shared by the writer and the reader. Not part of the API.
 */
public final class SafeText {

    /** What a lone surrogate becomes: it cannot be encoded as UTF-8. */
    public static final char REPLACEMENT = '\uFFFD';

    private SafeText() {
    }

    /**
     * {@code text} with every lone (unpaired) surrogate replaced by U+FFFD, so it encodes to valid
     * UTF-8; the same instance when there is none, which is the common case.
     */
    public static String wellFormed(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        int i = 0;
        // Fast path: scan until the first lone surrogate.
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i += 2;
                    continue;
                }
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(text, 0, i);
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(i + 1));
                i += 2;
            } else {
                sb.append(Character.isSurrogate(c) ? REPLACEMENT : c);
                i++;
            }
        }
        return sb.toString();
    }

    /** At most {@code max} UTF-16 code units of {@code text}, never ending inside a surrogate pair. */
    public static String prefix(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /**
     * The first {@code maxChars} characters of {@code head} decoded as UTF-8 leniently (invalid
     * bytes become U+FFFD), made {@link #loggable(String)}; empty for no bytes.
     */
    public static String excerpt(byte[] head, int maxChars) {
        if (head == null || head.length == 0) {
            return "";
        }
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
        return loggable(prefix(text, maxChars));
    }

    /**
     * Text safe for a log line: control characters replaced (CR, LF and TAB by a space, the others,
     * C1 controls included, by U+FFFD), lone surrogates by U+FFFD.
     */
    public static String loggable(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char r = c;
            if (c == '\r' || c == '\n' || c == '\t') {
                r = ' ';
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                r = REPLACEMENT;
            }
            if (r != c && sb == null) {
                sb = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (sb != null) {
                sb.append(r);
            }
        }
        return wellFormed(sb == null ? text : sb.toString());
    }
}
