package dev.restfault.core.http;

/**
 * {@code MS-CorrelationId} and {@code MS-RequestId} values: GUIDs in their canonical
 * 8-4-4-4-12 hexadecimal form.
 *
 * <p>A server echoes a valid id and replaces anything else with a fresh one; it never echoes
 * an invalid value, which may carry injection payloads or unbounded text.
 */
public final class RequestIds {

    private static final byte HEX = 1;
    private static final byte DASH = 2;
    /** What an ASCII character may be in a GUID: {@link #HEX}, {@link #DASH} or nothing (0). */
    private static final byte[] CLASS_OF = new byte[128];
    /** What each of the 36 positions of the 8-4-4-4-12 form wants. */
    private static final byte[] EXPECTED = new byte[36];

    static {
        for (char c = '0'; c <= '9'; c++) {
            CLASS_OF[c] = HEX;
        }
        for (char c = 'a'; c <= 'f'; c++) {
            CLASS_OF[c] = HEX;
            CLASS_OF[Character.toUpperCase(c)] = HEX;
        }
        CLASS_OF['-'] = DASH;
        for (int i = 0; i < EXPECTED.length; i++) {
            EXPECTED[i] = i == 8 || i == 13 || i == 18 || i == 23 ? DASH : HEX;
        }
    }

    private RequestIds() {
    }

    /**
     * Whether {@code value} is a GUID in 8-4-4-4-12 form, hexadecimal digits of either case, no
     * braces, no surrounding whitespace. Null and empty are not valid.
     */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        // One table lookup per character, compared with what its position wants: random hex
        // digits would mispredict a digit-or-letter branch about every other character.
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            if (c >= CLASS_OF.length || CLASS_OF[c] != EXPECTED[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A new random (version 4) GUID, lower case. Every bit but the version and variant comes from
     * a cryptographically strong generator (a DRBG seeded once, then generating in memory): an id
     * is not guessable from others, and generating one does no I/O, so an event loop may call it.
     * Thread-safe; cheaper than {@code UUID.randomUUID()}, whose lock request threads contend for.
     */
    public static String generate() {
        return GuidSource.next();
    }

    /** {@code value} if {@link #isValid(String) valid}, otherwise a new GUID. */
    public static String validOrNew(String value) {
        return isValid(value) ? value : generate();
    }
}
