package dev.restfault.springdoc;

import org.springframework.web.method.HandlerMethod;

/**
 * Tells what the security in front of an operation refuses, so that 401 and 403 are documented
 * where they really happen. restfault-springdoc asks Spring Security by itself (servlet filter
 * chains on Spring MVC, the reactive web filter chains on WebFlux); an application whose security
 * is something else (interceptors, a gateway's rules)
 * declares a bean of this type that answers from the same rules its security applies, and both
 * answers count.
 *
 * <p>Asked while the document is built, once per operation, never per request. An implementation
 * must not throw; it may be asked from several threads.
 */
@FunctionalInterface
public interface SecurityInspector {

    /** No security: nothing is refused with 401 or 403 on its account. */
    SecurityInspector NONE = (method, path, handler) -> OperationSecurity.NONE;

    /**
     * @param method the HTTP method, upper case
     * @param path a concrete path the operation serves, its variables and wildcards each replaced
     *     by one plain segment ({@code /v1/customers/x})
     * @param handler the handler method, for method-level rules; null when only the path and
     *     method are asked about
     * @return what is refused; never null
     */
    OperationSecurity inspect(String method, String path, HandlerMethod handler);
}
