package dev.restfault.springdoc.implementation;

import dev.restfault.springdoc.OperationSecurity;
import dev.restfault.springdoc.SecurityInspector;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.handler.DefaultWebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Asks reactive Spring Security what it would do with an operation's request, by running the
 * objects that decide at run time on a {@link ProbeExchange}: the first
 * {@link SecurityWebFilterChain} whose matcher matches the exchange, every filter of it in order,
 * and a handler behind them that only notes it was reached. Nothing leaves the process; a
 * refusal's response is written into the probe and discarded.
 *
 * <ul>
 *   <li>401 (with the challenge) when a caller without credentials is refused (CSRF protection
 *       skipped for this run with {@link CsrfWebFilter#skipExchange}, as a client that sends the
 *       token would get past it);</li>
 *   <li>403 when a caller authenticated without authorities (put in the Reactor context, where
 *       Spring Security's own context filter keeps it) is refused, CSRF protection included; or
 *       when the handler carries a method-security annotation, which also makes 401 possible;</li>
 *   <li>nothing when no chain matches or the handler is reached.</li>
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

    private final Supplier<List<SecurityWebFilterChain>> chains;

    /** @param chains the security web filter chains, in the order Spring Security tries them */
    public ReactiveSecurityInspector(Supplier<List<SecurityWebFilterChain>> chains) {
        this.chains = chains;
    }

    @Override
    public OperationSecurity inspect(String method, String path, HandlerMethod handler) {
        boolean methodSecured = MethodSecurity.guards(handler);
        SecurityWebFilterChain chain = null;
        for (SecurityWebFilterChain c : chains.get()) {
            if (matches(c, method, path)) {
                chain = c;
                break;
            }
        }
        if (chain == null) {
            return new OperationSecurity(false, methodSecured);
        }
        int anonymous = refusal(chain, method, path, null);
        int authenticated = refusal(chain, method, path, AUTHENTICATED);
        return new OperationSecurity(methodSecured || anonymous == 401 || authenticated == 401,
                methodSecured || anonymous == 403 || authenticated == 403);
    }

    private static boolean matches(SecurityWebFilterChain chain, String method, String path) {
        try {
            return Boolean.TRUE.equals(now(chain.matches(ProbeExchange.of(method, path))));
        } catch (RuntimeException cannotTell) {
            LOG.debug("Security web filter chain {} cannot tell whether it matches {} {}", chain, method, path, cannotTell);
            return false;
        }
    }

    /**
     * The status {@code chain} refuses the probe with (401 or 403), or 0 when the handler is
     * reached. {@code caller} null: no credentials, CSRF protection skipped.
     */
    private static int refusal(SecurityWebFilterChain chain, String method, String path, Authentication caller) {
        int refusedAs = caller == null ? 401 : 403;
        ServerWebExchange exchange = ProbeExchange.of(method, path);
        if (caller == null) {
            CsrfWebFilter.skipExchange(exchange);
        }
        AtomicBoolean reached = new AtomicBoolean();
        try {
            List<WebFilter> filters = now(chain.getWebFilters().collectList());
            Mono<Void> run = new DefaultWebFilterChain(e -> {
                reached.set(true);
                return Mono.empty();
            }, filters == null ? List.of() : filters).filter(exchange);
            now(caller == null ? run : run.contextWrite(ReactiveSecurityContextHolder.withAuthentication(caller)));
        } catch (AuthenticationException unauthenticated) {
            return 401;
        } catch (AccessDeniedException denied) {
            return refusedAs;
        } catch (RuntimeException broken) {
            LOG.debug("Security web filter chain {} cannot tell about {} {}; documented as refused", chain, method, path, broken);
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
