/**
 * restfault-spring-boot: the Spring Boot 4 starter that renders every error of a Spring MVC or
 * Spring WebFlux service as a contract error, through restfault-server's rendering core. Both web
 * stacks are optional: an application brings the one it runs on, and the other's adapter is never
 * loaded.
 *
 * <ul>
 *   <li>{@code dev.restfault.spring}: what applications use: {@link dev.restfault.spring.RestfaultProperties}
 *       ({@code restfault.*}), {@link dev.restfault.spring.RestfaultRequest} (a servlet request's
 *       ids, MDC keys, the format attribute, its facts), {@link dev.restfault.spring.RestfaultExchange}
 *       (the same for a WebFlux exchange) and {@link dev.restfault.spring.MessageSourceMessageProvider};
 *       applications map their exceptions with restfault-server's {@code ExceptionTranslator} beans;</li>
 *   <li>{@code dev.restfault.spring.autoconfigure}: the two auto-configurations, and the throttling's
 *       ({@link dev.restfault.spring.RestfaultThrottlingProperties}, {@code restfault.throttling.*}),
 *       active when the application has restfault-throttling;</li>
 *   <li>{@code dev.restfault.spring.web}: the Spring pieces every web stack shares (translation of
 *       spring-web, Spring Security and Bean Validation exceptions, the core's configuration from
 *       the properties, SLF4J logging, client aborts); no servlet and no reactive type; not exported;</li>
 *   <li>{@code dev.restfault.spring.servlet}: the servlet adapter (filter, resolver, error
 *       controller, Tomcat valve, Jetty error handler, servlet I/O); not exported;</li>
 *   <li>{@code dev.restfault.spring.reactive}: the WebFlux adapter (exception handler, filter,
 *       Reactor context and MDC, Reactor Netty's own refusals, reactive I/O); not exported.</li>
 * </ul>
 */
module dev.restfault.spring {
    requires transitive dev.restfault.core;
    requires transitive dev.restfault.json;
    requires transitive dev.restfault.server;
    requires transitive spring.boot.autoconfigure;
    requires transitive spring.boot;
    requires spring.beans;
    requires spring.context;
    requires spring.core;
    requires spring.web;
    requires org.slf4j;
    requires tools.jackson.core;
    requires context.propagation;

    // Spring MVC: present in a servlet application only.
    requires static jakarta.servlet;
    requires static spring.boot.webmvc;
    requires static spring.webmvc;
    // Spring WebFlux and Reactor Netty: present in a reactive application only.
    requires static spring.webflux;
    requires static spring.boot.webflux;
    requires static spring.boot.reactor.netty;
    requires static reactor.core;
    requires static org.reactivestreams;
    requires static reactor.netty.http;
    requires static reactor.netty.core;
    requires static io.netty.buffer;
    requires static io.netty.codec.http;
    requires static io.netty.codec;
    requires static io.netty.common;
    requires static io.netty.transport;

    requires static spring.security.core;
    requires static spring.security.web;
    requires static spring.security.config;
    requires static jakarta.validation;
    requires static spring.boot.configuration.processor;
    requires static java.management; // Tomcat valves are MBeans
    // Throttling (restfault.throttling.*), active only when the application has these.
    requires static dev.restfault.throttling;
    requires static lettuce.core;
    requires static spring.boot.data.redis;
    requires static micrometer.core;
    // The Tomcat and Jetty adapters (TomcatContractErrorReportValve, JettyContractErrorHandler)
    // are compiled against those servers on the class path (see the pom): tomcat-embed-core
    // repackages the servlet API, which no module graph can hold next to jakarta.servlet. They
    // are loaded only when the application runs on that server, on the class path as Boot does.

    exports dev.restfault.spring;
    exports dev.restfault.spring.autoconfigure;
    // What restfault-springdoc documents follows the starter's own rules (which methods a mapping
    // serves), read from their one home rather than copied.
    exports dev.restfault.spring.web to dev.restfault.springdoc;

    // Spring creates and binds these reflectively.
    opens dev.restfault.spring to spring.core, spring.beans, spring.context, spring.boot;
    opens dev.restfault.spring.autoconfigure to spring.core, spring.beans, spring.context;
    opens dev.restfault.spring.servlet to spring.core, spring.beans, spring.context, spring.web, spring.webmvc;
    opens dev.restfault.spring.reactive to spring.core, spring.beans, spring.context, spring.web, spring.webflux;
}
