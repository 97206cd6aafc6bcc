package dev.restfault.core.model;

/** Small text helpers shared by the model's {@code toString} methods. */
final class Texts {

    private Texts() {
    }

    /** At most {@code max} code units of {@code text}, never splitting a surrogate pair. */
    static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }
}
