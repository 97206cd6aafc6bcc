package dev.restfault.benchmarks.e2e.app;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The floor setups' answers: the least an error handler can do for the benchmark's errors and still
 * answer them as the contract asks. Each is a status, constant headers and a constant body,
 * encoded once, of the shape and length of restfault's answer to the same request (without the
 * request ids restfault adds to every response, a 200 too). Nothing is negotiated, looked up,
 * localized or built per request. An exception nothing expected (the 500) is logged once with its
 * stack trace, as every setup of the benchmark logs it.
 *
 * <p>With {@value BenchmarkApplication#FLOOR_CONTRACT_PROPERTY}{@code =true} (the contract floor, which runs with restfault's
 * starter on, so that its filter puts the request ids on every response), each answer carries every
 * header restfault's does: the media type with its charset, {@code X-Content-Type-Options} and
 * {@code Content-Language} besides the floor's; its 500 quotes the request's id, as the contract's
 * does. Its bodies name {@code "floor"} as their source, which tells them from restfault's.
 *
 * <p>The floor is no error handling anyone should ship; it is the reference that says what any
 * error handling can reach on this framework and server, as Jackson's generator alone is the floor
 * of the JMH write benchmark.
 */
final class FloorAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(FloorAnswers.class);

    private static final String CONTENT_TYPE = "application/json";
    private static final String CONTRACT_CONTENT_TYPE = "application/json;charset=utf-8";
    private static final String CHALLENGE = "OAuth realm=\"urn:cpsvc:cpid:benchmark\"";
    private static final String ALLOW = "GET, HEAD, OPTIONS";

    private static final String INTERNAL_ERROR = "An internal error occurred. Quote request ID %s when you report it.";

    private static final Map<Integer, byte[]> BODIES = bodies("service");
    private static final Map<Integer, byte[]> CONTRACT_BODIES = bodies(BenchmarkApplication.CONTRACT_FLOOR_SOURCE);

    private FloorAnswers() {
    }

    private static Map<Integer, byte[]> bodies(String source) {
        return Map.of(
                404, body("notFound", "Item 0 does not exist.", source),
                401, body("unauthorized", "The request has no valid credentials. Sign in and send a valid access token.", source),
                405, body("methodNotAllowed", "The resource does not support this method. Allowed: GET, HEAD, OPTIONS.", source),
                500, internalError("00000000-0000-0000-0000-000000000000", source));
    }

    private static byte[] internalError(String requestId, String source) {
        return body("internalServerError", String.format(INTERNAL_ERROR, requestId), source);
    }

    private static byte[] body(String code, String description, String source) {
        return ("{\"code\":\"" + code + "\",\"description\":\"" + description + "\",\"source\":\"" + source + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The status of the answer to {@code failure}: a {@link FloorException}'s own, 405 for a method
     * the route does not serve (the framework's exception, told by {@code methodNotAllowed}), 500
     * for anything else, which is logged.
     */
    static int status(Throwable failure, boolean methodNotAllowed) {
        if (failure instanceof FloorException floor) {
            return floor.status();
        }
        if (methodNotAllowed) {
            return 405;
        }
        LOG.error("Unexpected failure", failure);
        return 500;
    }

    /**
     * The body of {@code status}'s answer: constant, but the contract floor's 500, which quotes
     * {@code requestId} (the id restfault's filter gave the request).
     */
    static byte[] body(int status, boolean contract, String requestId) {
        if (!contract) {
            return BODIES.get(status);
        }
        return status == 500 && requestId != null ? internalError(requestId, BenchmarkApplication.CONTRACT_FLOOR_SOURCE)
                : CONTRACT_BODIES.get(status);
    }

    /**
     * Sets the headers of {@code status}'s answer besides its length, through {@code header} (name,
     * value): the media type, {@code Cache-Control}, and the 401's challenge or the 405's
     * {@code Allow}; for the contract floor also {@code X-Content-Type-Options} and
     * {@code Content-Language}, as restfault writes them.
     */
    static void headers(int status, boolean contract, BiConsumer<String, String> header) {
        header.accept("Content-Type", contract ? CONTRACT_CONTENT_TYPE : CONTENT_TYPE);
        header.accept("Cache-Control", "no-store");
        if (contract) {
            header.accept("X-Content-Type-Options", "nosniff");
            header.accept("Content-Language", "en-US");
        }
        if (status == 401) {
            header.accept("WWW-Authenticate", CHALLENGE);
        } else if (status == 405) {
            header.accept("Allow", ALLOW);
        }
    }
}
