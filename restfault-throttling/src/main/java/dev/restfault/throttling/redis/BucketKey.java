package dev.restfault.throttling.redis;

/**
 * One bucket's Redis key, and the last state of that bucket this instance saw (wrote, or was
 * shown by a failed compare-and-swap). Knowing it spares the read that would otherwise precede
 * every compare-and-swap: one round trip per request instead of two.
 */
final class BucketKey {

    /** The bucket's state as last seen; {@link #ABSENT} when Redis had none. */
    private static final byte[] ABSENT = new byte[0];

    final byte[] redisKey;
    private volatile byte[] lastSeen;

    BucketKey(byte[] redisKey) {
        this.redisKey = redisKey;
    }

    /** Whether a state was seen at all. */
    boolean known() {
        return lastSeen != null;
    }

    /** The state last seen, null for none in Redis (or never seen). */
    byte[] lastSeen() {
        byte[] s = lastSeen;
        return s == null || s == ABSENT ? null : s;
    }

    /** Records what Redis holds now: {@code state}, or nothing when null. */
    void saw(byte[] state) {
        this.lastSeen = state == null ? ABSENT : state;
    }

    /** Forgets the state, so that the next request does not trust it. */
    void forget() {
        this.lastSeen = null;
    }
}
