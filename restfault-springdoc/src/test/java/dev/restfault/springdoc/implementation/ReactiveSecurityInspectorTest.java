package dev.restfault.springdoc.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.springdoc.OperationSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.method.HandlerMethod;

/**
 * Reactive Spring Security's real filter chains, built as an application builds them, behind its
 * real {@code WebFilterChainProxy}, asked about probe exchanges: 401 where a caller without credentials is refused, 403 where an authenticated
 * one is (CSRF protection included), nothing where the chain lets the request through or no chain
 * matches. (A WebFlux application's real answers are checked against its document in the module's
 * WebFlux application test.)
 */
class ReactiveSecurityInspectorTest {

    private static final SecurityWebFilterChain API = ServerHttpSecurity.http()
            .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
            .authorizeExchange(a -> a.pathMatchers("/api/open/**").permitAll()
                    .pathMatchers(HttpMethod.POST, "/api/orders").hasRole("ADMIN")
                    .anyExchange().authenticated())
            .httpBasic(b -> b.authenticationManager(authentication -> reactor.core.publisher.Mono.empty()))
            .build();
    private static final SecurityWebFilterChain NO_CSRF = ServerHttpSecurity.http()
            .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/plain/**"))
            .authorizeExchange(a -> a.anyExchange().permitAll())
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .build();

    private final ReactiveSecurityInspector inspector = new ReactiveSecurityInspector(new WebFilterChainProxy(API, NO_CSRF));

    @Test
    void authenticatedOnlyIs401AndRolesAre403() {
        assertThat(inspector.inspect("GET", "/api/orders/x", null)).isEqualTo(new OperationSecurity(true, false));
        assertThat(inspector.inspect("GET", "/api/orders", null)).isEqualTo(new OperationSecurity(true, false));
        // POST: the role (and CSRF protection) refuse an authenticated caller.
        assertThat(inspector.inspect("POST", "/api/orders", null)).isEqualTo(new OperationSecurity(true, true));
    }

    @Test
    void whatTheChainLetsThroughIsNotRefusedButCsrfStillIs() {
        assertThat(inspector.inspect("GET", "/api/open/ping", null)).isEqualTo(OperationSecurity.NONE);
        // permitAll, but an unsafe method without a CSRF token is refused: 403, never 401.
        assertThat(inspector.inspect("PUT", "/api/open/ping", null)).isEqualTo(new OperationSecurity(false, true));
        assertThat(inspector.inspect("PUT", "/plain/x", null)).isEqualTo(OperationSecurity.NONE);
    }

    @Test
    void noMatchingChainRefusesNothingButMethodSecurityRefusesBoth() {
        assertThat(inspector.inspect("GET", "/elsewhere", null)).isEqualTo(OperationSecurity.NONE);
        HandlerMethod guarded = GuardedHandler.handler();
        assertThat(inspector.inspect("GET", "/elsewhere", guarded)).isEqualTo(new OperationSecurity(true, true));
        assertThat(inspector.inspect("GET", "/plain/x", guarded)).isEqualTo(new OperationSecurity(true, true));
    }
}
