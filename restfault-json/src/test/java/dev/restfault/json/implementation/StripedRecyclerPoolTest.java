package dev.restfault.json.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.DecodedError;
import dev.restfault.json.ErrorReader;
import dev.restfault.json.ErrorWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.core.util.BufferRecycler;

/**
 * The pool's guarantees: one holder per recycler at a time, at most one kept per stripe, and the
 * writer's and reader's bytes unchanged when many threads share it. Bounded by operation count.
 */
class StripedRecyclerPoolTest {

    private final StripedRecyclerPool pool = StripedRecyclerPool.INSTANCE;

    @Test
    void aReleasedRecyclerIsTheOneItsThreadGetsNext() {
        BufferRecycler first = pool.acquireAndLinkPooled();
        first.releaseToPool();
        BufferRecycler again = pool.acquireAndLinkPooled();
        try {
            assertThat(again).isSameAs(first);
            assertThat(again.isLinkedWithPool()).isTrue();
        } finally {
            again.releaseToPool();
        }
        assertThat(again.isLinkedWithPool()).isFalse();
    }

    @Test
    void aSecondHolderOnTheSameStripeGetsItsOwnRecyclerAndOnlyOneIsKept() {
        BufferRecycler outer = pool.acquireAndLinkPooled();
        BufferRecycler inner = pool.acquireAndLinkPooled();
        assertThat(inner).isNotSameAs(outer);
        inner.releaseToPool();
        outer.releaseToPool(); // the slot holds inner already: outer is dropped
        BufferRecycler next = pool.acquireAndLinkPooled();
        try {
            assertThat(next).isSameAs(inner);
        } finally {
            next.releaseToPool();
        }
    }

    @Test
    void stripesAreAPowerOfTwoBetween8And64AndBoundWhatIsKept() throws Exception {
        int stripes = pool.stripes();
        assertThat(Integer.bitCount(stripes)).isEqualTo(1);
        assertThat(stripes).isBetween(8, 64);
        ExecutorService threads = Executors.newFixedThreadPool(4 * stripes);
        try {
            CountDownLatch allHolding = new CountDownLatch(4 * stripes);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 4 * stripes; i++) {
                done.add(threads.submit(() -> {
                    BufferRecycler held = pool.acquireAndLinkPooled();
                    allHolding.countDown();
                    allHolding.await();
                    held.releaseToPool();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(pool.pooledCount()).isBetween(1, stripes);
    }

    @Test
    void noRecyclerIsEverHeldByTwoThreads() throws Exception {
        Map<BufferRecycler, Thread> holders = new ConcurrentHashMap<>();
        runOnThreads(8, 20_000, i -> {
            BufferRecycler r = pool.acquireAndLinkPooled();
            Thread other = holders.putIfAbsent(r, Thread.currentThread());
            assertThat(other).as("held by another thread").isNull();
            byte[] buffer = r.allocByteBuffer(BufferRecycler.BYTE_WRITE_ENCODING_BUFFER);
            r.releaseByteBuffer(BufferRecycler.BYTE_WRITE_ENCODING_BUFFER, buffer);
            holders.remove(r);
            r.releaseToPool();
        });
        assertThat(pool.pooledCount()).isLessThanOrEqualTo(pool.stripes());
    }

    @Test
    void manyThreadsWritingAndReadingGetTheBytesOneThreadGets() throws Exception {
        ErrorWriter writer = ErrorWriter.standard();
        ErrorReader reader = ErrorReader.standard();
        int distinct = 64;
        List<PartnerCenterError> errors = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            PartnerCenterError e = PartnerCenterError.builder().code("code" + i)
                    .description("Error number " + i + " ".repeat(i * 15) + "ends here.")
                    .addData(PartnerCenterError.of("field" + i, "Entry " + i + ".", "body"))
                    .source("PartnerFD")
                    .build();
            errors.add(e);
            expected.add(writer.writePartnerCenter(e));
        }
        runOnThreads(8, 5_000, i -> {
            int k = i % distinct;
            byte[] bytes = writer.writePartnerCenter(errors.get(k));
            assertThat(bytes).isEqualTo(expected.get(k));
            DecodedError read = reader.read(bytes);
            assertThat(read.code()).contains("code" + k);
            assertThat(read.data()).containsExactlyElementsOf(errors.get(k).data());
        });
    }

    @Test
    void theWritersFactoryUsesIt() {
        assertThat(ErrorEncoding.WRITE_FACTORY._getRecyclerPool()).isSameAs(pool);
    }

    @Test
    void deserializingGivesBackTheOnePool() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(pool);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isSameAs(pool);
        }
    }

    /** Runs {@code task} {@code perThread} times on each of {@code threads} threads, started together. */
    private static void runOnThreads(int threads, int perThread, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        task.run(offset + i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(); // rethrows a failed assertion of any thread
            }
        } finally {
            pool.shutdown();
        }
    }

    @FunctionalInterface
    private interface Task {
        void run(int i) throws Exception;
    }
}
