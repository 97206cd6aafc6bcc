package dev.restfault.testkit.check;

/**
 * One text of a body that a person reads (a description, message, detail or title), with where
 * it is, for the {@code Content-Language} rule. Immutable.
 */
final class HumanText {

    /** Its JSON pointer. */
    final String pointer;
    final String text;
    /** Whether it is the body's own top-level text, the one that decides whether a label is required. */
    final boolean top;

    HumanText(String pointer, String text, boolean top) {
        this.pointer = pointer;
        this.text = text;
        this.top = top;
    }
}
