package dev.restfault.core.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * A source of texts for an application's own error codes (and overrides of restfault's).
 *
 * <p>Implementations are asked before restfault's built-in texts. They are found with
 * {@link java.util.ServiceLoader} ({@code provides dev.restfault.core.i18n.MessageProvider with
 * ...} in a module, or {@code META-INF/services} on the class path) or registered with
 * {@link ContractMessages.Builder#add(MessageProvider)}; the Spring Boot starter registers one
 * backed by Spring's {@code MessageSource}.
 *
 * <p>Implementations must be thread-safe and must not throw: a missing text is an empty result.
 */
@FunctionalInterface
public interface MessageProvider {

    /**
     * The text for {@code key} in exactly {@code locale} or its language, if this provider has
     * one. The caller handles fallback to other locales.
     */
    Optional<String> find(String key, Locale locale);
}
