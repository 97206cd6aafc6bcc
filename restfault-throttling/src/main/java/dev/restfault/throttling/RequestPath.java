package dev.restfault.throttling;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request path as a list of segments, normalized the way a route pattern must see it so that no
 * spelling of a path escapes the limit meant for it: {@code ;parameters} are cut from each
 * segment, percent-escapes are decoded, empty and {@code .} segments are dropped and {@code ..}
 * removes the segment before it. {@code /v1//customers/}, {@code /v1/./customers},
 * {@code /v1/customers;x=1} and {@code /v1/%63ustomers} are all {@code [v1, customers]}.
 *
 * <p>Normalizing more than the framework does can only make a limit apply to more requests,
 * never to fewer. Immutable.
 */
final class RequestPath {

    static final RequestPath ROOT = new RequestPath(new String[0]);

    private final String[] segments;

    private RequestPath(String[] segments) {
        this.segments = segments;
    }

    /**
     * @param raw the path as received, without the query (anything from {@code ?} or {@code #} on
     *     is ignored); null or empty is the root
     */
    static RequestPath parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return ROOT;
        }
        int end = raw.length();
        for (int i = 0; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        List<String> out = new ArrayList<>(8);
        int start = 0;
        while (start <= end) {
            int slash = raw.indexOf('/', start);
            int segmentEnd = slash < 0 || slash > end ? end : slash;
            add(out, raw, start, segmentEnd);
            start = segmentEnd + 1;
        }
        return out.isEmpty() ? ROOT : new RequestPath(out.toArray(new String[0]));
    }

    private static void add(List<String> out, String raw, int start, int end) {
        int semicolon = raw.indexOf(';', start);
        if (semicolon >= 0 && semicolon < end) {
            end = semicolon;
        }
        if (start == end) {
            return;
        }
        String segment = decode(raw, start, end);
        if (segment.equals(".") || segment.isEmpty()) {
            return;
        }
        if (segment.equals("..")) {
            if (!out.isEmpty()) {
                out.remove(out.size() - 1);
            }
            return;
        }
        out.add(segment);
    }

    /** Percent-decodes as UTF-8; a malformed escape leaves the segment as it was sent. */
    private static String decode(String raw, int start, int end) {
        int percent = raw.indexOf('%', start);
        if (percent < 0 || percent >= end) {
            return raw.substring(start, end);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < end ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = i + 2 < end ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    return raw.substring(start, end);
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    int size() {
        return segments.length;
    }

    String segment(int index) {
        return segments[index];
    }

    @Override
    public String toString() {
        return "/" + String.join("/", segments);
    }
}
