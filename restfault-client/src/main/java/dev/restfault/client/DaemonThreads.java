package dev.restfault.client;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The client's own threads: daemons, so that none ever keeps the JVM alive. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    /**
     * A cached pool of daemon threads named {@code namePrefix} and a number: a thread per task
     * when all are busy (a task that blocks holds up no other), idle ones ending after
     * {@code idleSeconds}, so a pool with nothing to do holds no thread.
     */
    static ThreadPoolExecutor cachedPool(String namePrefix, long idleSeconds) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, idleSeconds, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, namePrefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
