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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the credit upstream over HTTP ({@code java.net.http}) with a deadline, and turns each
 * way it can fail into the contract's gateway errors:
 * <ul>
 *   <li>no answer within {@code sandbox.upstream.timeout} (connect included): 504;</li>
 *   <li>connection refused or reset, an answer that is not the JSON promised, larger than
 *       {@value #MAX_BODY} bytes, or a non-2xx status: 502.</li>
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

    private final URI configuredBase;
    private final Duration timeout;
    private final UpstreamSettings settings;
    private final JsonMapper json;
    private final HttpClient http;
    /** A loopback port bound but not listening: connecting to it is refused, reliably. */
    private final SocketChannel refusingPort;
    private volatile int localPort = -1;

    CreditClient(SandboxProperties properties, UpstreamSettings settings, JsonMapper json) throws IOException {
        this.configuredBase = properties.upstream().baseUrl();
        this.timeout = properties.upstream().timeout();
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.upstream().connectTimeout())
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
        // Past MAX_BODY the body fails (502). The deadline below covers the body too (HttpRequest's
        // timeout alone stops at the headers); the subscriber's own, twice as long, is only a
        // backstop, so that a slow body is always this deadline's 504, never a race for a 502.
        CompletableFuture<HttpResponse<BoundedBodySubscriber.Body>> call = http.sendAsync(request,
                info -> BoundedBodySubscriber.whole(info, MAX_BODY, timeout.multipliedBy(2)));
        HttpResponse<BoundedBodySubscriber.Body> response;
        try {
            response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            call.cancel(true);
            throw timedOut(late);
        } catch (InterruptedException interrupted) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw ContractException.builder(503).cause(interrupted).build();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(cause);
            }
            if (cause instanceof ConnectException) {
                throw ContractException.builder(502).messageKey(Texts.UPSTREAM_UNREACHABLE).cause(cause).build();
            }
            throw ContractException.builder(502).messageKey(Texts.UPSTREAM_INVALID).cause(cause).build();
        }
        if (response.statusCode() / 100 != 2) {
            throw ContractException.builder(502).messageKey(Texts.UPSTREAM_FAILED, response.statusCode())
                    .cause(new IOException("credit upstream " + uri + " answered " + response.statusCode()))
                    .build();
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
                    || currency == null || !currency.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("upstream JSON lacks customerId, creditLimit.amount or creditLimit.currency");
            }
            return new Credit(id, limit.path("amount").decimalValue(), currency);
        } catch (JacksonException | IllegalArgumentException garbage) {
            throw ContractException.builder(502).messageKey(Texts.UPSTREAM_INVALID).cause(garbage).build();
        }
    }

    private ContractException timedOut(Throwable cause) {
        return ContractException.builder(504).messageKey(Texts.UPSTREAM_TIMEOUT, timeout.toMillis()).cause(cause).build();
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
