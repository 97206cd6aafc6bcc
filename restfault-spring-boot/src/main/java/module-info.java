/**
 * restfault-spring-boot: the Spring Boot 4 starter that renders every error of a Spring MVC
 * service as a contract error, through restfault-server's rendering core.
 *
 * <ul>
 *   <li>{@code dev.restfault.spring}: what applications use: {@link dev.restfault.spring.RestfaultProperties}
 *       ({@code restfault.*}), {@link dev.restfault.spring.RestfaultRequest} (a request's ids, MDC
 *       keys, the format attribute, its facts) and {@link dev.restfault.spring.MessageSourceMessageProvider};
 *       applications map their exceptions with restfault-server's {@code ExceptionTranslator} beans;</li>
 *   <li>{@code dev.restfault.spring.autoconfigure}: the auto-configuration, and the throttling's
 *       ({@link dev.restfault.spring.RestfaultThrottlingProperties}, {@code restfault.throttling.*}),
 *       active when the application has restfault-throttling;</li>
 *   <li>{@code dev.restfault.spring.web}: the Spring pieces every web stack shares (translation of
 *       spring-web, Spring Security and Bean Validation exceptions, the core's configuration from
 *       the properties, SLF4J logging); not exported;</li>
 *   <li>{@code dev.restfault.spring.servlet}: the servlet adapter (filter, resolver, error
 *       controller, Tomcat valve, Jetty error handler, servlet I/O); not exported.</li>
 * </ul>
 */
module dev.restfault.spring {
    requires transitive dev.restfault.core;
    requires transitive dev.restfault.json;
    requires transitive dev.restfault.server;
    requires transitive jakarta.servlet;
    requires transitive spring.boot.autoconfigure;
    requires transitive spring.boot;
    requires spring.boot.webmvc;
    requires spring.beans;
    requires spring.context;
    requires spring.core;
    requires spring.web;
    requires spring.webmvc;
    requires org.slf4j;
    requires tools.jackson.core;

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

    // Spring creates and binds these reflectively.
    opens dev.restfault.spring to spring.core, spring.beans, spring.context, spring.boot;
    opens dev.restfault.spring.autoconfigure to spring.core, spring.beans, spring.context;
    opens dev.restfault.spring.servlet to spring.core, spring.beans, spring.context, spring.web, spring.webmvc;
}
