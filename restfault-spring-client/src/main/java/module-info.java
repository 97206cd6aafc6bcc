/**
 * restfault-spring-client: the contract's error decoding and retries for Spring's HTTP clients,
 * by the same code as restfault-client.
 *
 * <ul>
 *   <li>{@code dev.restfault.spring.client}: {@link dev.restfault.spring.client.ContractInterceptor}
 *       and {@link dev.restfault.spring.client.ContractErrorHandler} for {@code RestClient} and
 *       {@code RestTemplate}; {@link dev.restfault.spring.client.ContractExchangeFilter} for
 *       {@code WebClient}; {@code @HttpExchange} interfaces on either get them through their
 *       client;</li>
 *   <li>{@code dev.restfault.spring.client.autoconfigure}: the Spring Boot auto-configuration
 *       and its {@code restfault.client.*} properties.</li>
 * </ul>
 *
 * <p>Every Spring module is optional ({@code requires static}): an application that has only
 * {@code spring-web} uses the {@code RestClient} parts, one with {@code spring-webflux} the
 * {@code WebClient} parts, one with Spring Boot the auto-configuration.
 */
module dev.restfault.spring.client {
    requires transitive dev.restfault.client;

    requires static spring.core;
    requires static spring.beans;
    requires static spring.context;
    requires static spring.web;
    requires static spring.webflux;
    requires static reactor.core;
    requires static org.reactivestreams;
    requires static spring.boot;
    requires static spring.boot.autoconfigure;
    requires static spring.boot.restclient;
    requires static spring.boot.webclient;
    requires static spring.boot.configuration.processor;

    exports dev.restfault.spring.client;
    exports dev.restfault.spring.client.autoconfigure;

    // Spring creates and binds the auto-configuration and its properties reflectively.
    opens dev.restfault.spring.client.autoconfigure to spring.core, spring.beans, spring.context, spring.boot;
}
