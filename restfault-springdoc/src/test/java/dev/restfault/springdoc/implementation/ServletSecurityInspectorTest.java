package dev.restfault.springdoc.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.springdoc.OperationSecurity;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.method.HandlerMethod;

/**
 * Servlet Spring Security's real filters, asked about probe requests: the first chain whose matcher
 * matches decides; its authorization manager refusing an anonymous caller is 401, refusing an
 * authenticated one without authorities 403; CSRF protection is 403 on the methods Spring
 * Security's default matcher protects; method security makes both possible. (A Spring MVC
 * application's real answers are checked against its document in the module's application test.)
 */
class ServletSecurityInspectorTest {

    private static SecurityFilterChain chain(String pattern, AuthorizationManager<HttpServletRequest> rules, boolean csrf) {
        AuthorizationFilter authorization = new AuthorizationFilter(rules);
        return csrf
                ? new DefaultSecurityFilterChain(PathPatternRequestMatcher.withDefaults().matcher(pattern),
                        new CsrfFilter(new HttpSessionCsrfTokenRepository()), authorization)
                : new DefaultSecurityFilterChain(PathPatternRequestMatcher.withDefaults().matcher(pattern), authorization);
    }

    private final ServletSecurityInspector inspector = new ServletSecurityInspector(() -> List.of(
            chain("/api/admin/**", AuthorityAuthorizationManager.hasRole("ADMIN"), false),
            chain("/api/**", AuthenticatedAuthorizationManager.authenticated(), false),
            chain("/forms/**", (caller, request) -> new AuthorizationDecision(true), true)));

    @Test
    void authenticatedOnlyIs401AndRolesAre401And403() {
        assertThat(inspector.inspect("GET", "/api/orders/x", null)).isEqualTo(new OperationSecurity(true, false));
        assertThat(inspector.inspect("GET", "/api/admin/users", null)).isEqualTo(new OperationSecurity(true, true));
    }

    @Test
    void csrfProtectionIs403OnTheMethodsSpringSecurityProtects() {
        assertThat(inspector.inspect("GET", "/forms/x", null)).isEqualTo(OperationSecurity.NONE);
        assertThat(inspector.inspect("HEAD", "/forms/x", null)).isEqualTo(OperationSecurity.NONE);
        assertThat(inspector.inspect("TRACE", "/forms/x", null)).isEqualTo(OperationSecurity.NONE);
        assertThat(inspector.inspect("POST", "/forms/x", null)).isEqualTo(new OperationSecurity(false, true));
        assertThat(inspector.inspect("DELETE", "/forms/x", null)).isEqualTo(new OperationSecurity(false, true));
        // The first matching chain decides: /api/** has no CSRF filter.
        assertThat(inspector.inspect("POST", "/api/orders", null)).isEqualTo(new OperationSecurity(true, false));
    }

    @Test
    void noMatchingChainRefusesNothingButMethodSecurityRefusesBoth() {
        assertThat(inspector.inspect("GET", "/elsewhere", null)).isEqualTo(OperationSecurity.NONE);
        HandlerMethod guarded = GuardedHandler.handler();
        assertThat(inspector.inspect("GET", "/elsewhere", guarded)).isEqualTo(new OperationSecurity(true, true));
        assertThat(inspector.inspect("GET", "/forms/x", guarded)).isEqualTo(new OperationSecurity(true, true));
    }
}
