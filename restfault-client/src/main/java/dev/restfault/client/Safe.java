package dev.restfault.client;

import java.net.URI;
import java.time.Duration;

/**
 * Text for exception messages and logs. What a peer sent is untrusted: it is put on one line,
 * stripped of control characters and shortened, so a message can neither forge log lines nor
 * dump a body.
 */
final class Safe {

    /** Longest description an exception message shows. */
    static final int MAX_MESSAGE_TEXT = 200;

    private Safe() {
    }

    /**
     * At most {@code max} characters of {@code text} on one line: line breaks, tabs and other
     * control characters become spaces, runs of spaces collapse, and a cut text ends with
     * {@code …}. Never splits a surrogate pair. Null stays null.
     */
    static String oneLine(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.isWhitespace(c)) {
                if (!space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = true;
                continue;
            }
            space = false;
            if (sb.length() >= max) {
                int end = sb.length();
                if (Character.isHighSurrogate(sb.charAt(end - 1))) {
                    end--;
                }
                sb.setLength(end);
                return sb.append('\u2026').toString();
            }
            sb.append(c);
        }
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == ' ') {
            sb.setLength(end - 1);
        }
        return sb.toString();
    }

    /**
     * The URI without user info, query or fragment, shortened: query strings carry tokens and
     * personal data that have no place in a log.
     */
    static String uri(URI uri) {
        if (uri == null) {
            return "?";
        }
        String s;
        if (uri.isOpaque() || uri.getHost() == null) {
            s = uri.getScheme() == null ? uri.getRawPath() : uri.getScheme() + ":" + (uri.isOpaque() ? "…" : uri.getRawPath());
        } else {
            s = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            s += "?…";
        }
        return oneLine(s, 300);
    }

    /** A duration as a person writes it: {@code 1s}, {@code 250ms}, {@code 2m30s}. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = d.getSeconds();
        long rest = ms % 1000;
        if (s < 60) {
            return rest == 0 ? s + "s" : s + "." + String.format("%03d", rest).replaceAll("0+$", "") + "s";
        }
        long m = s / 60;
        long sec = s % 60;
        if (m < 60) {
            return m + "m" + (sec == 0 ? "" : sec + "s");
        }
        return (m / 60) + "h" + (m % 60 == 0 ? "" : (m % 60) + "m");
    }
}
