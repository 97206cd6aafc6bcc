/**
 * restfault-springdoc: restfault's errors in the OpenAPI document springdoc-openapi builds.
 *
 * <ul>
 *   <li>{@code dev.restfault.springdoc}: {@link dev.restfault.springdoc.ErrorComponents} (the error
 *       schemas and headers as OpenAPI components) and
 *       {@link dev.restfault.springdoc.RestfaultOpenApiProperties} ({@code restfault.openapi.*});</li>
 *   <li>{@code dev.restfault.springdoc.autoconfigure}: the auto-configuration;</li>
 *   <li>{@code dev.restfault.springdoc.implementation}: how operations are analysed and documented;
 *       not exported.</li>
 * </ul>
 */
module dev.restfault.springdoc {
    requires transitive dev.restfault.spring;
    requires transitive io.swagger.v3.oas.models;
    requires io.swagger.v3.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.core;
    requires org.springdoc.openapi.common;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.beans;
    requires spring.context;
    requires spring.core;
    requires spring.web;
    requires org.slf4j;

    // One web stack or the other is there; each one's classes are loaded only where it runs.
    requires static spring.webmvc;
    requires static jakarta.servlet;
    requires static spring.webflux;
    requires static reactor.core;
    requires static org.reactivestreams;
    requires static spring.security.core;
    requires static spring.security.web;

    exports dev.restfault.springdoc;
    exports dev.restfault.springdoc.autoconfigure;

    // Spring creates and binds these reflectively.
    opens dev.restfault.springdoc to spring.core, spring.beans, spring.context, spring.boot;
    opens dev.restfault.springdoc.autoconfigure to spring.core, spring.beans, spring.context;
}
