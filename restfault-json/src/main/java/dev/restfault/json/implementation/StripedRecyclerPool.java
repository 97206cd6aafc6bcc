package dev.restfault.json.implementation;

import java.util.concurrent.atomic.AtomicReferenceArray;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.RecyclerPool;

/**
 * The {@link BufferRecycler}s of restfault's JSON factories: one slot per stripe of threads, taken
 * and put back with one atomic exchange each. Not part of the API.
 *
 * <p>Why not Jackson's default pool: it shares one {@code ConcurrentLinkedDeque} among all threads,
 * which allocates a node on every release and hands a recycler (and its buffers) from thread to
 * thread. An async-profiler profile of a Tomcat error put 0.5 of the 1.0 µs that writing a small
 * error body cost in that deque, under load from 16 connections. Jackson's thread-local pool would
 * be as cheap on a server's pooled threads but gives every virtual thread buffers of its own;
 * here a virtual thread shares its stripe like any other.
 *
 * <p>Guarantees: a recycler is held by one thread at a time (the exchange takes it out of its
 * slot); at most one recycler per stripe is kept, so the pool holds at most {@link #stripes()}
 * of them, each with only the buffers its users asked for. When a thread's slot is empty (another
 * thread of its stripe holds the recycler), it gets a new recycler, which is kept on release if
 * the slot is empty by then and dropped otherwise. Nothing blocks.
 */
public final class StripedRecyclerPool implements RecyclerPool<BufferRecycler> {

    private static final long serialVersionUID = 1L;

    /** The one pool: a factory deserialized elsewhere comes back to it ({@link #readResolve}). */
    public static final StripedRecyclerPool INSTANCE = new StripedRecyclerPool();

    private final transient AtomicReferenceArray<BufferRecycler> slots;

    private StripedRecyclerPool() {
        // A power of two, at least 8 and twice the processors, at most 64: threads that run at the
        // same time rarely share a stripe, and the pool holds at most 64 recyclers of about 10 KB.
        int wanted = Math.min(64, Math.max(8, 2 * Runtime.getRuntime().availableProcessors()));
        slots = new AtomicReferenceArray<>(Integer.highestOneBit(Math.max(1, wanted - 1)) << 1);
    }

    /** How many stripes, so how many recyclers the pool keeps at most. */
    public int stripes() {
        return slots.length();
    }

    @Override
    public BufferRecycler acquirePooled() {
        BufferRecycler recycler = slots.getAndSet(stripe(), null);
        return recycler != null ? recycler : new BufferRecycler();
    }

    @Override
    public void releasePooled(BufferRecycler recycler) {
        // Kept only if the slot is empty: a recycler a slot already holds has warm buffers too.
        slots.compareAndSet(stripe(), null, recycler);
    }

    @Override
    public int pooledCount() {
        int count = 0;
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != null) {
                count++;
            }
        }
        return count;
    }

    @Override
    public boolean clear() {
        for (int i = 0; i < slots.length(); i++) {
            slots.set(i, null);
        }
        return true;
    }

    @SuppressWarnings("deprecation") // Thread.getId(): threadId() is Java 19+, and only the spread matters
    private int stripe() {
        return (int) Thread.currentThread().getId() & (slots.length() - 1);
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
