package dev.restfault.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a fuzzer's bytes into the strings a parser may be handed, so that one readable seed file
 * (a header value as text) reaches every kind of {@code String}:
 * <ul>
 *   <li>ISO-8859-1: how servlet containers and {@code java.net.http} decode header bytes;</li>
 *   <li>UTF-8 (malformed bytes become U+FFFD): how a framework that decodes UTF-8 hands them on;</li>
 *   <li>UTF-16 code units taken two bytes at a time, unchecked: any {@code char}, lone surrogates,
 *       U+2028 and characters beyond Latin-1 included, which no charset decoder produces.</li>
 * </ul>
 */
public final class FuzzText {

    private FuzzText() {
    }

    /** The three readings of {@code bytes}, in the order above. */
    public static List<String> views(byte[] bytes) {
        List<String> views = new ArrayList<>(3);
        views.add(new String(bytes, StandardCharsets.ISO_8859_1));
        views.add(new String(bytes, StandardCharsets.UTF_8));
        views.add(utf16Units(bytes));
        return views;
    }

    /** Each pair of bytes as one UTF-16 code unit, big-endian; an odd last byte is dropped. */
    public static String utf16Units(byte[] bytes) {
        char[] chars = new char[bytes.length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((bytes[2 * i] & 0xFF) << 8 | (bytes[2 * i + 1] & 0xFF));
        }
        return new String(chars);
    }

    /**
     * {@code text} split at line feeds into exactly {@code n} fields, for targets that take
     * several header values: missing fields are null, the last field keeps any further line feeds.
     */
    public static String[] fields(String text, int n) {
        String[] fields = new String[n];
        String[] parts = text.split("\n", n);
        System.arraycopy(parts, 0, fields, 0, parts.length);
        return fields;
    }
}
