package dev.restfault.springdoc.implementation;

import java.util.List;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.web.method.HandlerMethod;

/**
 * Whether a handler method is guarded by method security ({@code @PreAuthorize},
 * {@code @PostAuthorize}, {@code @Secured}, {@code @RolesAllowed}, {@code @DenyAll}, on the method
 * or its class): then 401 and 403 are possible whatever the filter chains say. The same annotations
 * guard Spring MVC and WebFlux handlers; they are looked up by name, so neither Spring Security nor
 * the Jakarta annotations need to be on the class path.
 */
final class MethodSecurity {

    private static final List<String> ANNOTATIONS = List.of(
            "org.springframework.security.access.prepost.PreAuthorize",
            "org.springframework.security.access.prepost.PostAuthorize",
            "org.springframework.security.access.annotation.Secured",
            "jakarta.annotation.security.RolesAllowed",
            "jakarta.annotation.security.DenyAll");

    private MethodSecurity() {
    }

    /** Whether {@code handler} carries one of the annotations; false for null. */
    static boolean guards(HandlerMethod handler) {
        if (handler == null) {
            return false;
        }
        for (MergedAnnotations annotations : List.of(
                MergedAnnotations.from(handler.getMethod(), MergedAnnotations.SearchStrategy.TYPE_HIERARCHY),
                MergedAnnotations.from(handler.getBeanType(), MergedAnnotations.SearchStrategy.TYPE_HIERARCHY))) {
            for (String name : ANNOTATIONS) {
                if (annotations.isPresent(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
