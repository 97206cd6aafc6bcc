package dev.restfault.feign.autoconfigure;

import dev.restfault.client.ClientContract;
import dev.restfault.feign.FeignContract;
import feign.RequestInterceptor;
import feign.ResponseInterceptor;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Spring Cloud OpenFeign picks restfault up: every {@code @FeignClient} gets the
 * {@link FeignContract}'s error decoder, retryer, request interceptor and response interceptor
 * (Spring Cloud OpenFeign looks these types up in the application context for each client, and
 * its own default {@code Retryer}, which never retries, backs off when one is defined here).
 *
 * <p>The {@link ClientContract} is the application's (restfault-spring-client's
 * auto-configuration builds it from {@code restfault.client.*}), so Feign clients retry by the
 * same policy, with the same budget, as the application's {@code RestClient}s and
 * {@code WebClient}s. Active when Spring Cloud OpenFeign is present, unless
 * {@code restfault.client.feign.enabled=false}; an application's own {@code ErrorDecoder},
 * {@code Retryer} or {@code ResponseInterceptor} bean replaces restfault's.
 */
@AutoConfiguration(afterName = "dev.restfault.spring.client.autoconfigure.RestfaultClientAutoConfiguration",
        beforeName = "org.springframework.cloud.openfeign.FeignAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.cloud.openfeign.FeignClientFactoryBean")
@ConditionalOnBooleanProperty(name = "restfault.client.feign.enabled", matchIfMissing = true)
@ConditionalOnBean(ClientContract.class)
public final class RestfaultFeignAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FeignContract restfaultFeignContract(ClientContract contract) {
        return FeignContract.of(contract);
    }

    @Bean
    @ConditionalOnMissingBean
    ErrorDecoder restfaultFeignErrorDecoder(FeignContract feign) {
        return feign.errorDecoder();
    }

    @Bean
    @ConditionalOnMissingBean
    Retryer restfaultFeignRetryer(FeignContract feign) {
        return feign.retryer();
    }

    @Bean
    RequestInterceptor restfaultFeignRequestInterceptor(FeignContract feign) {
        return feign.requestInterceptor();
    }

    @Bean
    @ConditionalOnMissingBean
    ResponseInterceptor restfaultFeignResponseInterceptor(FeignContract feign) {
        return feign.responseInterceptor();
    }
}
