package dev.restfault.testkit.implementation;

import java.util.Arrays;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON output of the testkit's reports: printable ASCII only. Every other character (C0 and
 * C1 controls, DEL, bidi overrides and marks, line separators, everything beyond U+007E) is
 * written as a {@code \\uXXXX} escape, so the JSON is the same text once parsed, but no byte of
 * it can drive a terminal or reorder what a reader sees when it is printed, piped or shown.
 *
 * <p>Not API: this package is exported to the command line only, which writes its own JSON
 * output ({@code decode --json}, {@code call --json}) with the same escaping.
 */
public final class AsciiJson {

    /** The factory every JSON report of the testkit and the command line is written with. Thread-safe. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .highestNonEscapedChar(0x7E)
            .characterEscapes(new AsciiOnly())
            .build();

    private AsciiJson() {
    }

    /** Jackson's JSON escapes plus DEL, which {@code highestNonEscapedChar} does not cover. */
    private static final class AsciiOnly extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        AsciiOnly() {
            int[] standard = CharacterEscapes.standardAsciiEscapesForJSON();
            ascii = Arrays.copyOf(standard, Math.max(standard.length, 128));
            ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null; // only standard \\uXXXX escapes
        }
    }
}
