package dev.restfault.json.implementation;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * JSON escaping for the strict writers: beyond the C0 controls (which JSON requires to be
 * escaped), also DEL, the C1 controls and U+2028/U+2029, so no raw control character and no
 * JavaScript line terminator ever reaches the wire, whatever the receiving end does with it.
 */
final class StrictEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    static final StrictEscapes INSTANCE = new StrictEscapes();

    private final int[] ascii;

    private StrictEscapes() {
        int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
        codes[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        this.ascii = codes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if ((ch >= 0x80 && ch <= 0x9F) || ch == 0x2028 || ch == 0x2029) {
            return new SerializedString(String.format("\\u%04X", ch));
        }
        return null;
    }
}
