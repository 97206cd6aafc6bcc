package dev.restfault.sandbox.simulate;

import dev.restfault.core.annotation.AnyErrorFormat;
import dev.restfault.core.annotation.ContractError;
import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.sandbox.Texts;
import dev.restfault.sandbox.config.SandboxProperties;
import dev.restfault.sandbox.guard.ConcurrencyLimiter;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.RenderedError;
import dev.restfault.spring.RestfaultRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/simulate/{status}} (also under {@code /partner/v1}; with {@code GET}, {@code HEAD},
 * {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} or {@code OPTIONS}, so a client's
 * rules for non-idempotent methods can be tried too): answers the error status asked for, with
 * every header and the body the contract requires, so a client's decoding and retry can be tried
 * on demand. Open to everyone (no token), not rate-limited and outside the API's bound on
 * requests in flight, so anonymous callers cannot take the API's slots. A simulation with a
 * {@code delay} holds a thread while it waits, so at most {@code sandbox.simulate.max-delayed}
 * wait at once: one more is answered at once with a 503 (code {@code overloaded},
 * {@code Retry-After} from {@code sandbox.concurrency.retry-after}), a contract error like any
 * other. Another method gets the starter's 405, whose {@code Allow} lists the ones above.
 *
 * <p>Parameters, each validated (a bad one is a 400 whose {@code data} names it):
 * <ul>
 *   <li>{@code status}: 400..599 (unknown ones get the catalog's generic entry);</li>
 *   <li>{@code retryAfter}: seconds for {@code Retry-After}, 0..86400 (a 429 or 503 without it
 *       gets {@code sandbox.simulate.default-retry-after});</li>
 *   <li>{@code delay}: milliseconds to wait before answering, 0..{@value #MAX_DELAY_MS};</li>
 *   <li>{@code format}: a format's {@link ErrorFormat#token() token}, {@code partner-center},
 *       {@code partner-api} or {@code problem-details} ({@code problem} too), any case;
 *       without it the path and {@code Accept} decide, as for every other error;</li>
 *   <li>{@code fault}: {@code html}, {@code truncated}, {@code empty} or {@code reset}, see
 *       {@link Fault}.</li>
 * </ul>
 * The body is always rendered by the starter; this class only decides what to simulate.
 */
@RestController
class SimulateController {

    /** The longest {@code delay}, in milliseconds. */
    static final int MAX_DELAY_MS = 10_000;

    /**
     * The methods the mapping below accepts: a simulated 405 says these in {@code Allow}, so it
     * is true of the simulation itself (keep the two lists the same).
     */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final ErrorRenderer renderer;
    private final Duration defaultRetryAfter;
    private final ConcurrencyLimiter delayed;
    private final Duration busyRetryAfter;

    SimulateController(ErrorRenderer renderer, SandboxProperties properties,
            @Qualifier(ConcurrencyLimiter.DELAYED_SIMULATIONS) ConcurrencyLimiter delayed) {
        this.renderer = renderer;
        this.defaultRetryAfter = properties.simulate().defaultRetryAfter();
        this.delayed = delayed;
        this.busyRetryAfter = properties.concurrency().retryAfter();
    }

    @AnyErrorFormat
    @ContractError(status = ContractError.ANY_CLIENT_ERROR, when = "The status asked for (400..499), with its headers and body.")
    @ContractError(status = ContractError.ANY_SERVER_ERROR, when = "The status asked for (500..599), with its headers and body.")
    @RequestMapping(path = {"/v1/simulate/{status}", "/partner/v1/simulate/{status}"}, method = {RequestMethod.GET,
            RequestMethod.HEAD, RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE,
            RequestMethod.OPTIONS})
    void simulate(@PathVariable @Min(400) @Max(599) int status,
            @RequestParam(required = false) @Min(0) @Max(86_400) Integer retryAfter,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_DELAY_MS) int delay,
            @RequestParam(required = false) @Pattern(regexp = ErrorFormat.TOKEN_PATTERN,
                    message = "{sandbox.validation.format}") String format,
            @RequestParam(required = false) @Pattern(regexp = "(?i)html|truncated|empty|reset",
                    message = "{sandbox.validation.fault}") String fault,
            HttpServletRequest request, HttpServletResponse response) throws IOException, InterruptedException {
        if (format != null) {
            // The starter renders this request's errors in the format asked for (the busy 503 too).
            request.setAttribute(RestfaultRequest.FORMAT_ATTRIBUTE, errorFormat(format));
        }
        if (delay > 0) {
            waitOut(delay);
        }
        ContractException error = simulated(status, Optional.ofNullable(retryAfter).map(Duration::ofSeconds));
        Optional<Fault> broken = Fault.parse(fault);
        if (broken.isEmpty()) {
            throw error; // the normal path: the starter's exception handling renders it
        }
        switch (broken.get()) {
            case HTML -> html(status, response);
            case EMPTY -> {
                // The real response's status and headers (challenge, Allow, Retry-After,
                // Content-Type...) reach the client, its body not.
                headers(renderer.render(error, RestfaultRequest.facts(request).build()), response);
                response.setContentLength(0);
                response.getOutputStream(); // a body was produced, empty: the starter leaves it alone
            }
            case TRUNCATED -> truncated(request, response, error);
            case RESET -> {
                response.getOutputStream(); // nothing is to be rendered after the reset
                if (!ConnectionReset.reset(request)) {
                    throw error;
                }
            }
        }
    }

    /**
     * Sleeps {@code delay} ms holding one of the delayed simulations' slots.
     *
     * @throws ContractException 503 when every slot is taken
     */
    private void waitOut(int delay) throws InterruptedException {
        if (!delayed.tryAcquire()) {
            throw ContractException.builder(503)
                    .code("overloaded")
                    .messageKey(Texts.SIMULATIONS_BUSY, delayed.max())
                    .retryAfter(busyRetryAfter)
                    .build();
        }
        try {
            Thread.sleep(delay);
        } finally {
            delayed.release();
        }
    }

    /** A format's token or alias, any case (validated above). */
    private static ErrorFormat errorFormat(String format) {
        return ErrorFormat.fromToken(format).orElseThrow(() -> new IllegalArgumentException("format " + format));
    }

    /** The error for {@code status} with the headers its catalog entry calls for. */
    private ContractException simulated(int status, Optional<Duration> retryAfter) {
        ContractException.Builder b = ContractException.builder(status);
        switch (status) {
            case 405 -> b.allow(METHODS);
            case 406 -> {
                return ContractException.notAcceptable(List.of("application/json", "application/problem+json"));
            }
            case 412 -> b.entityTag("\"v1\"");
            default -> {
            }
        }
        if (retryAfter.isPresent()) {
            b.retryAfter(retryAfter.get());
        } else if (StatusCatalog.entry(status).header("Retry-After").isPresent()) {
            b.retryAfter(defaultRetryAfter);
        }
        return b.build();
    }

    private static void html(int status, HttpServletResponse response) throws IOException {
        String title = status + " " + StatusCatalog.entry(status).reasonPhrase();
        byte[] page = ("<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n").getBytes(StandardCharsets.US_ASCII);
        response.setStatus(status);
        response.setContentType("text/html");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /** Renders the real contract response, then sends its status, its headers and the first half of its body. */
    private void truncated(HttpServletRequest request, HttpServletResponse response, ContractException error) throws IOException {
        RenderedError rendered = renderer.render(error, RestfaultRequest.facts(request).build());
        headers(rendered, response);
        byte[] whole = rendered.body();
        int cut = Math.max(1, whole.length / 2);
        response.setContentLength(cut);
        OutputStream out = response.getOutputStream();
        out.write(whole, 0, cut);
    }

    /** The rendered error's status and headers on {@code response}, as the starter would set them. */
    private static void headers(RenderedError rendered, HttpServletResponse response) {
        response.setStatus(rendered.status());
        rendered.copyHeaders(response::setHeader, response::addHeader);
    }
}
