package dev.restfault.springdoc.implementation;

import dev.restfault.springdoc.OperationSecurity;
import dev.restfault.springdoc.SecurityInspector;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Asks reactive Spring Security what it would do with an operation's request, by running the
 * object that decides at run time, Spring Security's {@code WebFilterChainProxy}, on a
 * {@link ProbeExchange}: it picks the first {@code SecurityWebFilterChain} that matches and runs
 * its filters, in front of a handler that only notes it was reached. Nothing leaves the process; a
 * refusal's response is written into the probe and discarded.
 *
 * <ul>
 *   <li>401 (with the challenge) when a caller without credentials is refused (CSRF protection
 *       skipped for this run with {@link CsrfWebFilter#skipExchange}, as a client that sends the
 *       token would get past it);</li>
 *   <li>403 when a caller authenticated without authorities (put in the Reactor context, where
 *       Spring Security's own context filter keeps it) is refused, CSRF protection included;</li>
 *   <li>both when the handler carries a method-security annotation ({@code @PreAuthorize}...): it
 *       refuses a caller without credentials with 401 and one without the authority with 403;</li>
 *   <li>nothing when the handler is reached.</li>
 * </ul>
 * A run that ends otherwise (another status, an error, or no answer within a second off the
 * event loop, at once on it) counts as refusing, so the document errs on the side of listing the
 * refusal. A rule that reads what the probe lacks (a header, a parameter) sees none. Used while the
 * document is built, never per request; loaded only in a WebFlux application with Spring Security.
 */
public final class ReactiveSecurityInspector implements SecurityInspector {

    private static final Logger LOG = LoggerFactory.getLogger(ReactiveSecurityInspector.class);
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final Authentication AUTHENTICATED = UsernamePasswordAuthenticationToken.authenticated(
            "restfault-springdoc-probe", null, List.of());
    private static final Set<Integer> REFUSALS = Set.of(401, 403);

    private final WebFilter security;

    /** @param security Spring Security's filter, its {@code WebFilterChainProxy} */
    public ReactiveSecurityInspector(WebFilter security) {
        this.security = Objects.requireNonNull(security, "security");
    }

    @Override
    public OperationSecurity inspect(String method, String path, HandlerMethod handler) {
        if (MethodSecurity.guards(handler)) {
            return new OperationSecurity(true, true);
        }
        int anonymous = refusal(method, path, null);
        int authenticated = refusal(method, path, AUTHENTICATED);
        return new OperationSecurity(anonymous == 401 || authenticated == 401, anonymous == 403 || authenticated == 403);
    }

    /**
     * The status the security refuses the probe with (401 or 403), or 0 when the handler is
     * reached. {@code caller} null: no credentials, CSRF protection skipped.
     */
    private int refusal(String method, String path, Authentication caller) {
        int refusedAs = caller == null ? 401 : 403;
        ServerWebExchange exchange = ProbeExchange.of(method, path);
        if (caller == null) {
            CsrfWebFilter.skipExchange(exchange);
        }
        AtomicBoolean reached = new AtomicBoolean();
        try {
            Mono<Void> run = security.filter(exchange, e -> {
                reached.set(true);
                return Mono.empty();
            });
            now(caller == null ? run : run.contextWrite(ReactiveSecurityContextHolder.withAuthentication(caller)));
        } catch (AuthenticationException unauthenticated) {
            return 401;
        } catch (AccessDeniedException denied) {
            return refusedAs;
        } catch (RuntimeException broken) {
            LOG.debug("Spring Security cannot tell about {} {}; documented as refused", method, path, broken);
            return refusedAs;
        }
        if (reached.get()) {
            return 0;
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return status != null && REFUSALS.contains(status.value()) ? status.value() : refusedAs;
    }

    /**
     * The value {@code mono} ends with: at once when it completes on this thread (an in-memory chain
     * does); otherwise waited for up to {@link #WAIT}, unless this thread must not block (an event
     * loop, where springdoc builds WebFlux documents).
     *
     * @throws IllegalStateException when it has not ended by then
     */
    private static <T> T now(Mono<T> mono) {
        CompletableFuture<T> future = mono.toFuture();
        try {
            if (!future.isDone() && !Schedulers.isInNonBlockingThread()) {
                return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (!future.isDone()) {
                future.cancel(true);
                throw new IllegalStateException("no answer without blocking");
            }
            return future.get();
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException slow) {
            future.cancel(true);
            throw new IllegalStateException("no answer within " + WAIT, slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
