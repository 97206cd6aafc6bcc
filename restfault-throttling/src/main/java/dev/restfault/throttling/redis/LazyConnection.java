package dev.restfault.throttling.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The store's one Redis connection. Opening starts when the store is built, in the background,
 * so that a service starts (and fails open or closed) while Redis is down, and its first requests
 * do not pay for connecting; a connection that could not be opened is tried again on the next
 * use. One attempt at a time. Once open, Lettuce reconnects it by itself. Each new connection
 * loads the compare-and-swap script, so that requests can send it by its digest at once.
 * Thread-safe.
 */
final class LazyConnection implements AutoCloseable {

    private final RedisClient client;
    private final RedisURI uri;
    private final AtomicReference<CompletableFuture<StatefulRedisConnection<byte[], byte[]>>> current = new AtomicReference<>();
    private volatile boolean closed;

    LazyConnection(RedisClient client, RedisURI uri) {
        this.client = client;
        this.uri = uri;
    }

    /** The connection, opened if need be; completes exceptionally when it cannot be opened. */
    CompletableFuture<StatefulRedisConnection<byte[], byte[]>> get() {
        while (true) {
            CompletableFuture<StatefulRedisConnection<byte[], byte[]>> c = current.get();
            if (c != null && !c.isCompletedExceptionally()) {
                return c;
            }
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the Redis throttle store is closed"));
            }
            CompletableFuture<StatefulRedisConnection<byte[], byte[]>> attempt = new CompletableFuture<>();
            if (current.compareAndSet(c, attempt)) {
                try {
                    client.connectAsync(ByteArrayCodec.INSTANCE, uri).whenComplete((connection, error) -> {
                        if (error != null) {
                            attempt.completeExceptionally(error);
                        } else {
                            // Best effort: without it, the first EVALSHA falls back to EVAL.
                            connection.async().scriptLoad(CasScript.SOURCE);
                            attempt.complete(connection);
                        }
                    });
                } catch (RuntimeException e) {
                    attempt.completeExceptionally(e);
                }
                return attempt;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        CompletableFuture<StatefulRedisConnection<byte[], byte[]>> c = current.getAndSet(null);
        if (c != null) {
            c.thenAccept(StatefulRedisConnection::close);
        }
    }
}
