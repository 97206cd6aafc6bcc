package dev.restfault.springdoc.implementation;

import dev.restfault.springdoc.OperationSecurity;
import dev.restfault.springdoc.SecurityInspector;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.web.method.HandlerMethod;

/**
 * Asks servlet Spring Security what it would do with an operation's request, through the same
 * objects that decide at run time: the first {@link SecurityFilterChain} of the
 * {@link FilterChainProxy} whose request matcher matches a request for the operation, then that
 * chain's {@link AuthorizationFilter}'s {@link AuthorizationManager}, asked once for an anonymous
 * caller and once for an authenticated caller without authorities.
 *
 * <ul>
 *   <li>401 (with the challenge) when the anonymous caller is denied;</li>
 *   <li>403 when the authenticated caller without authorities is denied, or when the chain checks
 *       CSRF tokens and Spring Security's default CSRF matcher requires one for the method;</li>
 *   <li>both when the handler carries a method-security annotation ({@code @PreAuthorize},
 *       {@code @PostAuthorize}, {@code @Secured}, {@code @RolesAllowed}, {@code @DenyAll}), whether a
 *       chain matches or not;</li>
 *   <li>nothing else when no chain matches or the matching chain authorizes everything.</li>
 * </ul>
 * A rule that cannot be evaluated without a real request (one that reads a header, a parameter or
 * the remote address, say) sees a request that carries none; a rule that throws counts as
 * denying, so the document errs on the side of listing the refusal. Used while the document is
 * built, never per request.
 */
public final class ServletSecurityInspector implements SecurityInspector {

    private static final Logger LOG = LoggerFactory.getLogger(ServletSecurityInspector.class);
    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("restfault-springdoc",
            "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    private static final Authentication AUTHENTICATED = UsernamePasswordAuthenticationToken.authenticated(
            "restfault-springdoc-probe", null, List.of());

    private final Supplier<List<SecurityFilterChain>> chains;

    /** @param proxy Spring Security's filter chain proxy, whose chains are asked in order */
    public ServletSecurityInspector(FilterChainProxy proxy) {
        this(proxy::getFilterChains);
    }

    /** @param chains the security filter chains, in the order Spring Security tries them */
    public ServletSecurityInspector(Supplier<List<SecurityFilterChain>> chains) {
        this.chains = chains;
    }

    @Override
    public OperationSecurity inspect(String method, String path, HandlerMethod handler) {
        HttpServletRequest request = ProbeRequest.of(method, path);
        SecurityFilterChain chain = null;
        for (SecurityFilterChain c : chains.get()) {
            if (matches(c, request)) {
                chain = c;
                break;
            }
        }
        boolean methodSecured = MethodSecurity.guards(handler);
        if (chain == null) {
            // Method security still asks for an authentication, and there is none: 401 (Spring
            // Security's AuthenticationCredentialsNotFoundException), or 403 for the wrong one.
            return new OperationSecurity(methodSecured, methodSecured);
        }
        boolean challenges = methodSecured;
        boolean forbids = methodSecured;
        for (Filter f : chain.getFilters()) {
            if (f instanceof AuthorizationFilter authorization) {
                AuthorizationManager<HttpServletRequest> manager = authorization.getAuthorizationManager();
                challenges |= denies(manager, ANONYMOUS, method, path);
                forbids |= denies(manager, AUTHENTICATED, method, path);
            } else if (f instanceof CsrfFilter && CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)) {
                // Spring Security's own rule of which methods need a token (an application that
                // exempts paths from it still gets the 403 documented: the filter does not say).
                forbids = true;
            }
        }
        return new OperationSecurity(challenges, forbids);
    }

    private static boolean matches(SecurityFilterChain chain, HttpServletRequest request) {
        try {
            return chain.matches(request);
        } catch (RuntimeException cannotTell) {
            LOG.debug("Security filter chain {} cannot tell whether it matches {}", chain, request, cannotTell);
            return false;
        }
    }

    private static boolean denies(AuthorizationManager<HttpServletRequest> manager, Authentication caller, String method,
            String path) {
        try {
            AuthorizationResult result = manager.authorize(() -> caller, ProbeRequest.of(method, path));
            return result != null && !result.isGranted();
        } catch (RuntimeException cannotTell) {
            LOG.debug("Authorization rules cannot tell about {} {}; documented as refused", method, path, cannotTell);
            return true;
        }
    }
}
