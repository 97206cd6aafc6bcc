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
    requires spring.webmvc;
    // The starter no longer brings the servlet API (its web stacks are optional): read it here.
    requires jakarta.servlet;
    requires org.slf4j;

    requires static spring.security.core;
    requires static spring.security.web;

    exports dev.restfault.springdoc;
    exports dev.restfault.springdoc.autoconfigure;

    // Spring creates and binds these reflectively.
    opens dev.restfault.springdoc to spring.core, spring.beans, spring.context, spring.boot;
    opens dev.restfault.springdoc.autoconfigure to spring.core, spring.beans, spring.context;
}
