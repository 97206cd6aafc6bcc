package dev.restfault.spring.client;

import dev.restfault.client.ContractErrorException;
import dev.restfault.client.ErrorDecoder;
import dev.restfault.client.RequestContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Reads an error response's body reactively, within the decoder's cap and a time limit, and
 * decodes it: the non-blocking counterpart of {@code ErrorDecoder}'s stream reading.
 *
 * <p>Each data buffer is copied (up to the cap) and released at once. Reaching the cap, or the
 * time limit, cancels the body's subscription, which makes the connector drop the connection
 * rather than drain or reuse it; a body that breaks off (the connection closed or reset) keeps
 * what arrived. Nothing here blocks: the timer runs on the given scheduler.
 */
final class ErrorBodies {

    private ErrorBodies() {
    }

    /** The decoded exception, the body consumed. */
    static Mono<ContractErrorException> read(ClientResponse response, ErrorDecoder decoder, Duration timeout,
            Scheduler scheduler, RequestContext request) {
        return decode(response, copyOfHeaders(response), decoder, timeout, scheduler, request);
    }

    /** A response serving the kept bytes, with the decoded exception attached. */
    static Mono<DecodedClientResponse> readKeeping(ClientResponse response, ErrorDecoder decoder, Duration timeout,
            Scheduler scheduler, RequestContext request) {
        HttpHeaders headers = copyOfHeaders(response);
        // The buffered response is built only here: a status handler needs the exception alone,
        // and building a ClientResponse costs more than decoding a typical error body.
        return decode(response, headers, decoder, timeout, scheduler, request).map(error -> new DecodedClientResponse(
                ClientResponse.create(response.statusCode(), response.strategies())
                        .headers(h -> h.addAll(headers))
                        .cookies(c -> c.addAll(response.cookies()))
                        .request(response.request())
                        .body(Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(error.body().bytes()))))
                        .build(),
                error));
    }

    private static HttpHeaders copyOfHeaders(ClientResponse response) {
        return HttpHeaders.readOnlyHttpHeaders(HttpHeaders.copyOf(response.headers().asHttpHeaders()));
    }

    private static Mono<ContractErrorException> decode(ClientResponse response, HttpHeaders headers, ErrorDecoder decoder,
            Duration timeout, Scheduler scheduler, RequestContext request) {
        int status = response.statusCode().value();
        Prefix prefix = new Prefix(decoder.maxBodyBytes());
        return response.body(BodyExtractors.toDataBuffers())
                .doOnNext(prefix::add)
                .takeUntil(buffer -> prefix.full())
                .then()
                .timeout(timeout, scheduler)
                .onErrorResume(failure -> {
                    prefix.stopped(failure instanceof TimeoutException);
                    return Mono.empty();
                })
                .then(Mono.fromSupplier(() -> decoder.decode(status, headers.asMultiValueMap(), prefix.bytes(),
                        prefix.truncated(), prefix.timedOut(), request)));
    }

    /** The bytes read so far; buffers may arrive while the timer fires, hence the lock. */
    private static final class Prefix {
        private final int cap;
        private byte[] bytes = new byte[0];
        private int size;
        private boolean broken;
        private boolean timedOut;

        Prefix(int cap) {
            this.cap = cap;
        }

        void add(DataBuffer buffer) {
            try {
                synchronized (this) {
                    int n = buffer.readableByteCount();
                    int take = Math.min(n, cap + 1 - size);
                    if (take <= 0) {
                        return;
                    }
                    if (size + take > bytes.length) {
                        bytes = Arrays.copyOf(bytes, Math.min(cap + 1, Math.max(size + take, bytes.length * 2)));
                    }
                    buffer.read(bytes, size, take);
                    size += take;
                }
            } finally {
                DataBufferUtils.release(buffer);
            }
        }

        synchronized boolean full() {
            return size > cap;
        }

        synchronized void stopped(boolean byTimeout) {
            if (byTimeout) {
                timedOut = true;
            } else {
                broken = true;
            }
        }

        synchronized byte[] bytes() {
            return Arrays.copyOf(bytes, Math.min(size, cap));
        }

        synchronized boolean truncated() {
            return size > cap || broken || timedOut;
        }

        synchronized boolean timedOut() {
            return timedOut;
        }
    }
}
