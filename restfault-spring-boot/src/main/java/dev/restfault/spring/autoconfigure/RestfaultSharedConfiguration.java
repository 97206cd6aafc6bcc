package dev.restfault.spring.autoconfigure;

import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.json.ErrorWriter;
import dev.restfault.spring.MessageSourceMessageProvider;
import dev.restfault.spring.RestfaultProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans both web stacks' auto-configurations share: the {@code restfault.*} properties, the
 * texts and the error writer. Imported by {@link RestfaultAutoConfiguration} (Spring MVC) and
 * {@link RestfaultWebFluxAutoConfiguration} (WebFlux), of which at most one is active.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RestfaultProperties.class)
class RestfaultSharedConfiguration {

    /** Texts: the application's {@code MessageSource} first, then ServiceLoader providers, then restfault's. */
    @Bean
    @ConditionalOnMissingBean
    ContractMessages restfaultContractMessages(ApplicationContext context) {
        return ContractMessages.builder().add(new MessageSourceMessageProvider(context)).useServiceLoader(true).build();
    }

    /** Encodes errors: restfault-json's standard writer. */
    @Bean
    @ConditionalOnMissingBean
    ErrorWriter restfaultErrorWriter() {
        return ErrorWriter.standard();
    }
}
