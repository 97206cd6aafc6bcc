package dev.restfault.benchmarks.e2e.app;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The floor setup's answers: the least an error handler can do for the benchmark's errors and still
 * answer them as the contract asks. Each is a status, constant headers and a constant body,
 * encoded once, of the shape and length of restfault's answer to the same request (without the
 * request ids restfault adds to every response, a 200 too). Nothing is negotiated, looked up,
 * localized or built per request. An exception nothing expected (the 500) is logged once with its
 * stack trace, as every setup of the benchmark logs it.
 *
 * <p>The floor is no error handling anyone should ship; it is the reference that says what any
 * error handling can reach on this framework and server, as Jackson's generator alone is the floor
 * of the JMH write benchmark.
 */
final class FloorAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(FloorAnswers.class);

    private static final String CONTENT_TYPE = "application/json";
    private static final String CHALLENGE = "OAuth realm=\"urn:cpsvc:cpid:benchmark\"";
    private static final String ALLOW = "GET, HEAD, OPTIONS";

    private static final Map<Integer, byte[]> BODIES = Map.of(
            404, body("notFound", "Item 0 does not exist."),
            401, body("unauthorized", "The request has no valid credentials. Sign in and send a valid access token."),
            405, body("methodNotAllowed", "The resource does not support this method. Allowed: GET, HEAD, OPTIONS."),
            500, body("internalServerError",
                    "An internal error occurred. Quote request ID 00000000-0000-0000-0000-000000000000 when you report it."));

    private FloorAnswers() {
    }

    private static byte[] body(String code, String description) {
        return ("{\"code\":\"" + code + "\",\"description\":\"" + description + "\",\"source\":\"service\"}")
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

    /** The constant body of {@code status}'s answer. */
    static byte[] body(int status) {
        return BODIES.get(status);
    }

    /**
     * Sets the headers of {@code status}'s answer besides its length, through {@code header} (name,
     * value): the media type, {@code Cache-Control}, and the 401's challenge or the 405's
     * {@code Allow}.
     */
    static void headers(int status, BiConsumer<String, String> header) {
        header.accept("Content-Type", CONTENT_TYPE);
        header.accept("Cache-Control", "no-store");
        if (status == 401) {
            header.accept("WWW-Authenticate", CHALLENGE);
        } else if (status == 405) {
            header.accept("Allow", ALLOW);
        }
    }
}
