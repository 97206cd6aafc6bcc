package dev.restfault.feign;

import dev.restfault.client.ClientContract;
import dev.restfault.client.retry.RetryListener;
import dev.restfault.client.retry.RetryPolicy;
import feign.Feign;
import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Feign clients under test: the default client (HttpURLConnection), configured with a contract. */
final class Feigns {

    static final Duration ERROR_BODY_TIMEOUT = Duration.ofMillis(400);
    static final Duration READ_TIMEOUT = Duration.ofMillis(600);

    private Feigns() {
    }

    /** Any method and URI, with headers: what the shared scenarios need. */
    interface Raw {
        @RequestLine("GET")
        String get(URI uri, @HeaderMap Map<String, Object> headers);

        @RequestLine("POST")
        @Headers("Content-Type: application/json")
        String post(URI uri, @HeaderMap Map<String, Object> headers, String body);

        @RequestLine("PUT")
        String put(URI uri, @HeaderMap Map<String, Object> headers, String body);
    }

    /** A typical client interface. */
    interface Orders {
        @RequestLine("GET /orders/{id}")
        String get(@Param("id") String id);

        @RequestLine("POST /orders")
        @Headers("Content-Type: application/json")
        String create(String order);

        @RequestLine("POST /orders")
        @Headers({"Content-Type: application/json", "MS-RequestId: {requestId}"})
        String createOnce(@Param("requestId") String requestId, String order);
    }

    static ClientContract contract(RetryPolicy policy, RetryListener listener) {
        return ClientContract.builder().retryPolicy(policy).listener(listener).errorBodyTimeout(ERROR_BODY_TIMEOUT).build();
    }

    static ClientContract contract(RetryPolicy policy) {
        return contract(policy, RetryListener.NONE);
    }

    static <T> T client(Class<T> type, URI base, ClientContract contract) {
        return client(type, base, contract, READ_TIMEOUT);
    }

    static <T> T client(Class<T> type, URI base, ClientContract contract, Duration readTimeout) {
        return FeignContract.of(contract).configure(Feign.builder())
                .options(new Request.Options(2, TimeUnit.SECONDS, readTimeout.toMillis(), TimeUnit.MILLISECONDS, true))
                .target(type, base.toString());
    }

    /** Sends {@code method uri} through {@link Raw}. */
    static String call(Raw raw, String method, URI uri, Map<String, String> headers, String body) {
        Map<String, Object> h = Map.copyOf(headers);
        switch (method) {
            case "GET":
                return raw.get(uri, h);
            case "POST":
                return raw.post(uri, h, body == null ? "" : body);
            default:
                return raw.put(uri, h, body == null ? "" : body);
        }
    }
}
