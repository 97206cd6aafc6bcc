package dev.restfault.core.model;

/**
 * Bounds on the size of an error, enforced when a model object is built.
 *
 * <p>An error body describes one failure; a body that nests errors without end, or lists
 * thousands of them, is either a bug or an attack. These bounds keep every error small enough
 * to write, log and read back in bounded time. Exceeding one is an
 * {@link IllegalArgumentException} at construction.
 */
public final class ModelLimits {

    /** Most entries in one {@code data} (Partner Center) or {@code details} (Partner API) list. */
    public static final int MAX_ENTRIES = 256;

    /**
     * Deepest nesting of {@code data} within {@code data} (or {@code details} within
     * {@code details}); a top-level error with a flat list of field errors has depth 2.
     */
    public static final int MAX_DEPTH = 8;

    /** Longest {@code innerError} chain (Partner API). */
    public static final int MAX_INNER_ERROR_DEPTH = 16;

    /** Longest error {@code code}, {@code source} or {@code target}, in UTF-16 code units. */
    public static final int MAX_TOKEN_LENGTH = 1024;

    private ModelLimits() {
    }

    static String requireToken(String value, String name) {
        if (value != null && value.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException(name + " is " + value.length()
                    + " UTF-16 code units long, max " + MAX_TOKEN_LENGTH);
        }
        return value;
    }

    static <T> java.util.List<T> requireEntries(java.util.List<T> entries, String name) {
        if (entries == null) {
            return java.util.List.of();
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(name + " has " + entries.size()
                    + " entries, max " + MAX_ENTRIES);
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
        }
        // List.copyOf returns an immutable list as it is, without copying it again.
        return java.util.List.copyOf(entries);
    }
}
