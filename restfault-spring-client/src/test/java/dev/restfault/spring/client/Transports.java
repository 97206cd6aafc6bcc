package dev.restfault.spring.client;

import dev.restfault.client.ClientContract;
import dev.restfault.client.retry.Backoff;
import dev.restfault.client.retry.DefaultRetryPolicy;
import dev.restfault.client.retry.RetryBudget;
import dev.restfault.client.retry.RetryListener;
import dev.restfault.client.retry.RetryOptions;
import dev.restfault.client.retry.RetryPolicy;
import io.netty.channel.ChannelOption;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/** The clients under test, each configured with a {@link ClientContract}, on real connectors. */
final class Transports {

    static final Duration ERROR_BODY_TIMEOUT = Duration.ofMillis(400);
    static final Duration READ_TIMEOUT = Duration.ofMillis(600);

    private Transports() {
    }

    /** Tiny backoff so retries take milliseconds; Retry-After is still honoured exactly. */
    static RetryPolicy fastPolicy(int maxAttempts) {
        return DefaultRetryPolicy.create(RetryOptions.builder().maxAttempts(maxAttempts)
                .backoff(Backoff.exponential(Duration.ofMillis(5), Duration.ofMillis(20)))
                .budget(RetryBudget.unlimited()).build());
    }

    static ClientContract contract(RetryPolicy policy, RetryListener listener) {
        return ClientContract.builder().retryPolicy(policy).listener(listener)
                .errorBodyTimeout(ERROR_BODY_TIMEOUT).build();
    }

    static ClientContract contract(RetryPolicy policy) {
        return contract(policy, RetryListener.NONE);
    }

    /** The blocking request factories a RestClient or RestTemplate is commonly built on. */
    enum Factory {
        JDK(readTimeout -> {
            JdkClientHttpRequestFactory f = new JdkClientHttpRequestFactory(
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
            f.setReadTimeout(readTimeout);
            return f;
        }),
        SIMPLE(readTimeout -> {
            SimpleClientHttpRequestFactory f = new SimpleClientHttpRequestFactory();
            f.setConnectTimeout(Duration.ofSeconds(2));
            f.setReadTimeout(readTimeout);
            return f;
        });

        private final Function<Duration, ClientHttpRequestFactory> factory;

        Factory(Function<Duration, ClientHttpRequestFactory> factory) {
            this.factory = factory;
        }

        /** With the short {@link #READ_TIMEOUT} the fault tests need. */
        ClientHttpRequestFactory create() {
            return factory.apply(READ_TIMEOUT);
        }

        ClientHttpRequestFactory create(Duration readTimeout) {
            return factory.apply(readTimeout);
        }
    }

    static RestClient restClient(Factory factory, ClientContract contract) {
        return restClient(factory, contract, READ_TIMEOUT);
    }

    static RestClient restClient(Factory factory, ClientContract contract, Duration readTimeout) {
        return ContractInterceptor.configure(RestClient.builder().requestFactory(factory.create(readTimeout)), contract).build();
    }

    static RestTemplate restTemplate(Factory factory, ClientContract contract) {
        return restTemplate(factory, contract, READ_TIMEOUT);
    }

    static RestTemplate restTemplate(Factory factory, ClientContract contract, Duration readTimeout) {
        return ContractInterceptor.configure(new RestTemplate(factory.create(readTimeout)), contract);
    }

    /** A WebClient on Reactor Netty with a response (read) timeout. */
    static WebClient webClient(ClientContract contract) {
        return webClient(contract, Function.identity());
    }

    static WebClient webClient(ClientContract contract, Function<reactor.netty.http.client.HttpClient, reactor.netty.http.client.HttpClient> more) {
        return webClient(contract, READ_TIMEOUT, more);
    }

    static WebClient webClient(ClientContract contract, Duration readTimeout,
            Function<reactor.netty.http.client.HttpClient, reactor.netty.http.client.HttpClient> more) {
        reactor.netty.http.client.HttpClient http = reactor.netty.http.client.HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .responseTimeout(readTimeout);
        return ContractExchangeFilter.configure(WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(more.apply(http))), contract).build();
    }
}
