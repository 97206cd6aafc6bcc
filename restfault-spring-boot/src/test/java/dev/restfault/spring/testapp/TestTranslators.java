package dev.restfault.spring.testapp;

import dev.restfault.core.exception.ContractException;
import dev.restfault.server.ExceptionTranslator;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's own {@link ExceptionTranslator} beans, the same on both web stacks: the Spring
 * MVC test application scans them, the WebFlux one imports them.
 */
@Configuration(proxyBeanMethods = false)
public class TestTranslators {

    /** The application's own mapping: its exception type becomes a 423 with its code. */
    @Bean
    ExceptionTranslator itemLockedTranslator() {
        return (failure, request) -> failure instanceof ItemLockedException
                ? Optional.of(ContractException.builder(423).code("itemLocked")
                        .description("Item " + ((ItemLockedException) failure).itemId() + " is locked.").build())
                : Optional.empty();
    }

    /** The application maps its wrapper itself, whatever ContractException it wraps. */
    @Bean
    ExceptionTranslator wrappedFailureTranslator() {
        return (failure, request) -> failure instanceof WrappedFailure
                ? Optional.of(ContractException.builder(503).code("wrappedByTheApplication")
                        .description("The application decided.").build())
                : Optional.empty();
    }

    /**
     * A greedy translator, active only when a test asks for it with {@code X-Greedy-Translator}:
     * it claims every failure, as a careless application translator might.
     */
    @Bean
    ExceptionTranslator greedyTranslator() {
        return (failure, request) -> request.header("X-Greedy-Translator") != null
                ? Optional.of(ContractException.builder(418).code("greedy").description("Claimed by the greedy translator.").build())
                : Optional.empty();
    }
}
