package dev.restfault.testkit.probe;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory, at most {@code cap} bytes, and can be aborted.
 *
 * <p>Why not {@code BodyHandlers.ofInputStream()}: reading that stream blocks a thread, and
 * cancelling the future it was read in neither unblocks it nor closes the stream, so a server that
 * sends headers and then stalls kept a thread and a connection until it closed them itself. Here
 * no thread waits: bytes arrive as the client pushes them, and {@link #abort()} (called by the
 * probe at its deadline) or reaching the cap cancels the subscription, which makes
 * {@code java.net.http} close the connection instead of draining or reusing it.
 *
 * <p>restfault-client has the same facility, but package-private; the probe cannot use
 * {@code RestfaultClient} itself because it must send ids that are not GUIDs, which that client
 * refuses by design.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription; // guarded by this
    private boolean aborted; // guarded by this
    private byte[] buffer = new byte[0]; // guarded by this
    private int size; // guarded by this

    BoundedBody(int cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        synchronized (this) {
            if (subscription != null || aborted || result.isDone()) {
                s.cancel();
                return;
            }
            subscription = s;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        Flow.Subscription cancel = null;
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                int take = Math.min(b.remaining(), cap - size);
                if (take > 0) {
                    if (size + take > buffer.length) {
                        buffer = Arrays.copyOf(buffer, Math.min(cap, Math.max(size + take, buffer.length * 2)));
                    }
                    b.get(buffer, size, take);
                    size += take;
                }
                if (size >= cap) {
                    cancel = subscription;
                    break;
                }
            }
        }
        if (cancel != null) {
            // The cap is reached: what we have is the result; the rest is not read.
            cancel.cancel();
            complete();
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        complete();
    }

    private void complete() {
        byte[] bytes;
        synchronized (this) {
            bytes = Arrays.copyOf(buffer, size);
        }
        result.complete(bytes);
    }

    /**
     * Stops reading: cancels the subscription (closing the connection) if the body had started,
     * or refuses it when it arrives. The body's future then fails; idempotent.
     */
    void abort() {
        Flow.Subscription s;
        synchronized (this) {
            aborted = true;
            s = subscription;
        }
        if (s != null) {
            s.cancel();
        }
        result.cancel(false);
    }
}
