package dev.restfault.sandbox.security;

import dev.restfault.sandbox.ApiPaths;
import dev.restfault.springdoc.OperationSecurity;
import dev.restfault.springdoc.SecurityInspector;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Tells the OpenAPI document what the token check refuses, from the same path patterns
 * {@link SecurityConfiguration} registers {@link AuthInterceptor} with: a 401 on every API path
 * but the simulation's, and a 403 where a read-only token is refused (a write, or any admin
 * endpoint). The sandbox's security is interceptors, not Spring Security, so restfault-springdoc
 * cannot find it by itself.
 */
@Component
final class TokenSecurityDocumentation implements SecurityInspector {

    private final List<PathPattern> api = parse(ApiPaths.API);
    private final List<PathPattern> open = parse(ApiPaths.SIMULATE);
    private final List<PathPattern> admin = parse(ApiPaths.ADMIN);

    @Override
    public OperationSecurity inspect(String method, String path, HandlerMethod handler) {
        PathContainer p = PathContainer.parsePath(path);
        if (!matches(api, p) || matches(open, p)) {
            return OperationSecurity.NONE;
        }
        return new OperationSecurity(true, AuthInterceptor.WRITES.contains(method) || matches(admin, p));
    }

    private static List<PathPattern> parse(String... patterns) {
        return Stream.of(patterns).map(PathPatternParser.defaultInstance::parse).toList();
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
