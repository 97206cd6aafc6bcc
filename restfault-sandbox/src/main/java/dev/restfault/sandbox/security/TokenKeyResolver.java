package dev.restfault.sandbox.security;

import dev.restfault.throttling.CallerKeyResolver;
import dev.restfault.throttling.ThrottledRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * The per-token limit's key: the configured name of the token a request carries. The throttle
 * runs as a servlet filter, before {@link AuthInterceptor}, so it reads the token itself (the same
 * constant-time lookup). A request without a valid token has no key and is not counted: it gets
 * its 401 from the interceptor. The key is the token's name, never the secret.
 */
public final class TokenKeyResolver implements CallerKeyResolver {

    private final TokenAuthenticator authenticator;

    public TokenKeyResolver(TokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Optional<String> resolve(ThrottledRequest request) {
        return request.header(HttpHeaders.AUTHORIZATION).flatMap(authenticator::authenticate).map(Caller::name);
    }

    @Override
    public String toString() {
        return "sandbox token";
    }
}
