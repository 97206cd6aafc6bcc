package dev.restfault.core.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) GUIDs from a cryptographically strong generator, cheaply enough for two per
 * request.
 *
 * <p>Why not {@code UUID.randomUUID()}: it draws 16 bytes at a time from the platform's default
 * {@code SecureRandom}, which on Linux mixes each draw with bytes read from {@code /dev/urandom}
 * under one global lock: about 0.2 µs per id on one thread, and 0.5 to 0.8 µs of CPU per id once
 * a server's request threads contend for that lock (JMH {@code RequestIdBenchmark}, and a profile
 * of a Tomcat request's two ids).
 * Here a DRBG (NIST SP 800-90A, seeded once when this class is initialised, then generating in
 * memory: no I/O, so a caller on an event loop never blocks) fills blocks of {@value #BLOCK} bytes,
 * and ids are cut from them, 16 bytes each, never reused. The blocks are striped by thread, so that
 * request threads rarely wait for one another; each stripe's lock is held only to copy 16 bytes.
 *
 * <p>Ids must stay unguessable: a service may deduplicate requests on a client's {@code MS-RequestId},
 * so an id one caller could predict would let it collide with another's. Every bit but the version
 * and variant comes from the DRBG.
 */
final class GuidSource {

    /** Bytes drawn from the DRBG at a time, per stripe: 64 ids. */
    static final int BLOCK = 1024;
    private static final SecureRandom RANDOM = create();
    private static final Stripe[] STRIPES = stripes();
    /** Reads 8 bytes of a block as a long (any order will do: the bytes are random). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private GuidSource() {
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

    private static Stripe[] stripes() {
        // A power of two at least twice the processors, at most 16: 16 KiB at most.
        int wanted = Math.min(16, 2 * Runtime.getRuntime().availableProcessors());
        int n = Integer.highestOneBit(Math.max(1, wanted - 1)) << 1;
        Stripe[] stripes = new Stripe[n];
        for (int i = 0; i < n; i++) {
            stripes[i] = new Stripe();
        }
        return stripes;
    }

    /** A new version 4 GUID, lower case, in 8-4-4-4-12 form. */
    @SuppressWarnings("deprecation") // Thread.getId(): threadId() is Java 19+, and only the spread matters
    static String next() {
        Stripe stripe = STRIPES[(int) Thread.currentThread().getId() & (STRIPES.length - 1)];
        long msb;
        long lsb;
        synchronized (stripe) {
            if (stripe.position == BLOCK) {
                RANDOM.nextBytes(stripe.block);
                stripe.position = 0;
            }
            msb = (long) LONGS.get(stripe.block, stripe.position);
            lsb = (long) LONGS.get(stripe.block, stripe.position + 8);
            stripe.position += 16;
        }
        msb = (msb & ~0xF000L) | 0x4000L; // version 4
        lsb = (lsb & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
        return new UUID(msb, lsb).toString();
    }

    /** One thread group's block of random bytes; guarded by its own monitor. */
    private static final class Stripe {
        final byte[] block = new byte[BLOCK];
        int position = BLOCK; // empty: the first id fills it
    }
}
