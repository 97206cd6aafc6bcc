package dev.restfault.client;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * New request ids (random, version 4 GUIDs) without blocking I/O, so that a reactive caller
 * starting a call on an event loop never blocks it. {@code UUID.randomUUID()} draws from the
 * platform's default {@code SecureRandom}, which on Linux reads {@code /dev/urandom} through a
 * {@code FileInputStream} every few ids; the DRBG used here is seeded once, when this class is
 * initialised, and then generates in memory. Still a cryptographically strong generator: a
 * generated id must not be guessable by another caller of a service that deduplicates on it.
 */
final class Guids {

    private static final SecureRandom RANDOM = create();

    private Guids() {
    }

    private static SecureRandom create() {
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException unavailable) {
            random = new SecureRandom();
        }
        random.nextBytes(new byte[16]); // seed now, not on the first caller's thread
        return random;
    }

    /** A new version 4 GUID, lower case, in 8-4-4-4-12 form. */
    static String generate() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(msb, lsb).toString();
    }
}
