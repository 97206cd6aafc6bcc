package dev.restfault.sandbox.upstream;

import dev.restfault.client.BoundedBodySubscriber;
import dev.restfault.core.exception.ContractException;
import dev.restfault.sandbox.ApiPaths;
import dev.restfault.sandbox.Texts;
import dev.restfault.sandbox.config.SandboxProperties;
import dev.restfault.sandbox.config.SandboxProperties.UpstreamMode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the credit upstream over HTTP ({@code java.net.http}) with a deadline, and turns each
 * way it can fail into the contract's gateway errors, whose description says what happened:
 * <ul>
 *   <li>no answer within {@code sandbox.upstream.timeout}: 504 naming that timeout; no
 *       connection within {@code sandbox.upstream.connect-timeout}, when it is the shorter:
 *       504 naming the connect timeout ({@link Texts#UPSTREAM_TIMEOUT});</li>
 *   <li>the connection refused, or reset or closed before a byte of answer: 502 "could not be
 *       reached" ({@link Texts#UPSTREAM_UNREACHABLE});</li>
 *   <li>a non-2xx status: 502 naming the status ({@link Texts#UPSTREAM_FAILED}), as soon as the
 *       status line is in: that answer's body is not read, so its size or its pace cannot turn
 *       the failure into another one;</li>
 *   <li>an answer that is not HTTP, or a 2xx whose body is not the JSON promised, is larger than
 *       {@value #MAX_BODY} bytes or is cut off: 502 "cannot be read"
 *       ({@link Texts#UPSTREAM_INVALID}).</li>
 * </ul>
 * The upstream's body never reaches the client; only its status is named. Each failure
 * carries its cause, which the starter logs once with the correlation id. Thread-safe.
 */
@Component
final class CreditClient implements ApplicationListener<WebServerInitializedEvent>, DisposableBean {

    /** The largest upstream body read. */
    static final int MAX_BODY = 64 * 1024;

    /** The built-in upstream is the sandbox itself, reached over IPv4 loopback. */
    private static final String LOOPBACK = "127.0.0.1";

    /** The credit an upstream reports. */
    record Credit(String customerId, BigDecimal amount, String currency) {
    }

    /** The currency code the upstream must send. */
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final URI configuredBase;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final UpstreamSettings settings;
    private final JsonMapper json;
    private final HttpClient http;
    /** A loopback port bound but not listening: connecting to it is refused, reliably. */
    private final SocketChannel refusingPort;
    private volatile int localPort = -1;

    CreditClient(SandboxProperties properties, UpstreamSettings settings, JsonMapper json) throws IOException {
        this.configuredBase = properties.upstream().baseUrl();
        this.timeout = properties.upstream().timeout();
        this.connectTimeout = properties.upstream().connectTimeout();
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.refusingPort = SocketChannel.open().bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        localPort = event.getWebServer().getPort();
    }

    @Override
    public void destroy() throws IOException {
        refusingPort.close();
    }

    /**
     * The credit of {@code customerId}, a GUID the caller has checked.
     *
     * @throws ContractException 502 or 504 as the class comment says
     */
    Credit credit(String customerId) {
        String base = base().toString();
        URI uri = URI.create((base.endsWith("/") ? base : base + "/") + "credit/" + customerId);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        // The status of the answer, once its head is in (0 before): a failure after it is not
        // the connection's but the answer's.
        AtomicInteger answered = new AtomicInteger();
        // A 2xx body past MAX_BODY fails (502). The deadline below covers the body too (HttpRequest's
        // timeout alone stops at the headers); the subscriber's own, twice as long, is only a
        // backstop, so that a slow body is always this deadline's 504, never a race for a 502.
        // A non-2xx answer's body is not read at all: stopped before it starts, the connection is
        // closed and the status alone is reported, whatever the body's size or pace.
        CompletableFuture<HttpResponse<BoundedBodySubscriber.Body>> call = http.sendAsync(request, info -> {
            answered.set(info.statusCode());
            if (isSuccess(info.statusCode())) {
                return BoundedBodySubscriber.whole(info, MAX_BODY, timeout.multipliedBy(2));
            }
            BoundedBodySubscriber unread = BoundedBodySubscriber.prefix(info, 1, timeout);
            unread.stop();
            return unread;
        });
        HttpResponse<BoundedBodySubscriber.Body> response;
        try {
            response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            call.cancel(true);
            throw timedOut(timeout, late);
        } catch (InterruptedException interrupted) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw ContractException.builder(503).cause(interrupted).build();
        } catch (ExecutionException failed) {
            throw failure(uri, answered.get(), failed.getCause());
        }
        if (!isSuccess(response.statusCode())) {
            throw failedWith(uri, response.statusCode(), null);
        }
        return parse(customerId, response.body().bytes());
    }

    private Credit parse(String customerId, byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            JsonNode limit = root.path("creditLimit");
            String id = root.path("customerId").asString(null);
            String currency = limit.path("currency").asString(null);
            if (!customerId.equals(id) || !limit.path("amount").isNumber()
                    || currency == null || !CURRENCY.matcher(currency).matches()) {
                throw new IllegalArgumentException("upstream JSON lacks customerId, creditLimit.amount or creditLimit.currency");
            }
            return new Credit(id, limit.path("amount").decimalValue(), currency);
        } catch (JacksonException | IllegalArgumentException garbage) {
            throw ContractException.builder(502).messageKey(Texts.UPSTREAM_INVALID).cause(garbage).build();
        }
    }

    /**
     * The gateway error for an exchange that failed with {@code cause}, {@code status} being the
     * answer's status if its head had arrived (0 if not).
     */
    private ContractException failure(URI uri, int status, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return timedOut(connectTimeout, cause); // the connect timeout is the shorter: it ran out
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut(timeout, cause);
        }
        if (status != 0 && !isSuccess(status)) {
            return failedWith(uri, status, cause);
        }
        if (cause instanceof ConnectException
                || (status == 0 && cause instanceof IOException && !(cause instanceof ProtocolException))) {
            // Refused, or reset or closed before a byte of answer: nothing was answered to be read.
            return ContractException.builder(502).messageKey(Texts.UPSTREAM_UNREACHABLE).cause(cause).build();
        }
        // Not HTTP (a ProtocolException), or a 2xx body too large or cut off.
        return ContractException.builder(502).messageKey(Texts.UPSTREAM_INVALID).cause(cause).build();
    }

    private static ContractException failedWith(URI uri, int status, Throwable cause) {
        IOException logged = new IOException("credit upstream " + uri + " answered " + status);
        if (cause != null) {
            logged.initCause(cause);
        }
        return ContractException.builder(502).messageKey(Texts.UPSTREAM_FAILED, status).cause(logged).build();
    }

    private static boolean isSuccess(int status) {
        return status / 100 == 2;
    }

    private static ContractException timedOut(Duration waited, Throwable cause) {
        return ContractException.builder(504).messageKey(Texts.UPSTREAM_TIMEOUT, waited.toMillis()).cause(cause).build();
    }

    /** Where to call now: the configured upstream, or the built-in one (or a refusing port). */
    URI base() {
        if (configuredBase != null) {
            return configuredBase;
        }
        if (settings.mode() == UpstreamMode.REFUSE) {
            return URI.create("http://" + LOOPBACK + ":" + ((InetSocketAddress) localAddress()).getPort() + ApiPaths.UPSTREAM);
        }
        if (localPort < 0) {
            throw ContractException.builder(503).build(); // not listening yet: cannot happen after startup
        }
        return URI.create("http://" + LOOPBACK + ":" + localPort + ApiPaths.UPSTREAM);
    }

    private java.net.SocketAddress localAddress() {
        try {
            return refusingPort.getLocalAddress();
        } catch (IOException closed) {
            throw ContractException.builder(502).messageKey(Texts.UPSTREAM_UNREACHABLE).cause(closed).build();
        }
    }
}
