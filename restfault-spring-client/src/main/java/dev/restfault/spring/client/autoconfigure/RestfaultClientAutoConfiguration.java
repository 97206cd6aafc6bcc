package dev.restfault.spring.client.autoconfigure;

import dev.restfault.client.ClientContract;
import dev.restfault.client.RequestContext;
import dev.restfault.client.RestfaultException;
import dev.restfault.client.retry.RetryDecision;
import dev.restfault.client.retry.RetryListener;
import dev.restfault.spring.client.ContractExchangeFilter;
import dev.restfault.spring.client.ContractInterceptor;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the client integrations: the application's {@code RestClient.Builder},
 * {@code RestTemplateBuilder} and {@code WebClient.Builder} beans (and so the HTTP interface
 * clients Spring Boot builds from them with {@code @ImportHttpServices}) get
 * {@link ContractInterceptor} and {@link dev.restfault.spring.client.ContractErrorHandler}, or
 * {@link ContractExchangeFilter} and its status handler, configured from
 * {@link RestfaultClientProperties} ({@code restfault.client.*}).
 *
 * <p>Active unless {@code restfault.client.enabled=false}; each kind of client can be left out
 * ({@code restfault.client.rest-client.enabled=false}, {@code rest-template},
 * {@code web-client}). One {@link ClientContract} bean serves them all, so their calls share one
 * retry budget; define your own {@code ClientContract} bean to replace it. Every
 * {@link RetryListener} bean is told of every attempt.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "restfault.client.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RestfaultClientProperties.class)
public final class RestfaultClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ClientContract restfaultClientContract(RestfaultClientProperties properties, ObjectProvider<RetryListener> listeners) {
        List<RetryListener> all = listeners.orderedStream().toList();
        return properties.toContract(all.isEmpty() ? RetryListener.NONE : all.size() == 1 ? all.get(0) : new Listeners(all));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({RestClient.class, RestClientCustomizer.class})
    @ConditionalOnBooleanProperty(name = "restfault.client.rest-client.enabled", matchIfMissing = true)
    static class RestClientConfiguration {

        @Bean
        RestClientCustomizer restfaultRestClientCustomizer(ClientContract contract) {
            return builder -> ContractInterceptor.configure(builder, contract);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({RestTemplate.class, RestTemplateCustomizer.class})
    @ConditionalOnBooleanProperty(name = "restfault.client.rest-template.enabled", matchIfMissing = true)
    static class RestTemplateConfiguration {

        @Bean
        RestTemplateCustomizer restfaultRestTemplateCustomizer(ClientContract contract) {
            return template -> ContractInterceptor.configure(template, contract);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({WebClient.class, WebClientCustomizer.class})
    @ConditionalOnBooleanProperty(name = "restfault.client.web-client.enabled", matchIfMissing = true)
    static class WebClientConfiguration {

        @Bean
        WebClientCustomizer restfaultWebClientCustomizer(ClientContract contract) {
            return builder -> ContractExchangeFilter.configure(builder, contract);
        }
    }

    /** Several listener beans, told in order. */
    private static final class Listeners implements RetryListener {
        private final List<RetryListener> listeners;

        Listeners(List<RetryListener> listeners) {
            this.listeners = List.copyOf(listeners);
        }

        @Override
        public void onAttempt(RequestContext request) {
            listeners.forEach(l -> l.onAttempt(request));
        }

        @Override
        public void onSuccess(RequestContext request, int status, Duration duration) {
            listeners.forEach(l -> l.onSuccess(request, status, duration));
        }

        @Override
        public void onFailure(RequestContext request, RestfaultException failure, RetryDecision decision, Duration duration) {
            listeners.forEach(l -> l.onFailure(request, failure, decision, duration));
        }
    }
}
