package dev.restfault.springdoc.implementation;

import org.springframework.web.method.HandlerMethod;

/**
 * Tells what the security in front of an operation answers, so that 401 and 403 are documented
 * where they can really happen. One implementation per security stack (servlet Spring Security
 * here; reactive Spring Security for WebFlux).
 */
@FunctionalInterface
public interface SecurityInspector {

    /** No security: nothing is ever refused with 401 or 403 on its account. */
    SecurityInspector NONE = (method, path, handler) -> OperationFacts.Security.NONE;

    /**
     * @param method the HTTP method, upper case
     * @param path a concrete path the operation serves (variables filled in)
     * @param handler the handler method, for method-level security annotations
     */
    OperationFacts.Security inspect(String method, String path, HandlerMethod handler);
}
