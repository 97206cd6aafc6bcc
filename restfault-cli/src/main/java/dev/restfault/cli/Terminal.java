package dev.restfault.cli;

/**
 * Makes text from a server or a file safe to print: control characters (ESC sequences that
 * could repaint or retitle a terminal, C1 controls such as U+009B CSI, DEL, CR that could
 * overwrite a line, NUL), line and paragraph separators, bidi overrides, isolates and marks
 * (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C) become U+FFFD, and lone surrogates too. Line feeds and tabs are kept only where {@code multiline} says so.
 */
final class Terminal {

    private Terminal() {
    }

    /**
     * Whether the command runs on an interactive terminal, where a progress line may rewrite
     * itself with carriage returns. Java 17 has a console only when standard input and output are
     * both a terminal; Java 22 and later always have one and say through
     * {@code Console.isTerminal()}, asked here when it exists. A {@code TERM=dumb} terminal
     * cannot rewrite a line either.
     */
    static boolean isInteractive() {
        java.io.Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            // Once per command, not per request: a method Java 17 does not have.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    static String safe(String s) {
        return safe(s, false);
    }

    static String safe(String s, boolean multiline) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (multiline && (c == '\n' || c == '\t')) {
                sb.append(c);
            } else if (c == '\t') {
                sb.append(' ');
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069'
                    || c == '\u200E' || c == '\u200F' || c == '\u061C') {
                // Bidi controls and marks are included: they can make printed text lie about its order.
                sb.append('\uFFFD');
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
