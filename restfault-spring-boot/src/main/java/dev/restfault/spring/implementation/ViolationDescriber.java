package dev.restfault.spring.implementation;

import dev.restfault.core.i18n.ContractMessages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Describes one validation error in the error's language: the application's text for the error's
 * codes from its {@link MessageSource} ({@code NotBlank.customer.name}, {@code NotBlank}...), else
 * the constraint's message template interpolated again in that language (Bean Validation's own
 * translations), else the message the validator produced, else the generic 400 text.
 */
public final class ViolationDescriber {

    private final ContractMessages messages;
    private final MessageSource messageSource;
    private final Function<HttpServletRequest, Locale> localeOf;
    private final BiFunction<MessageSourceResolvable, Locale, Optional<String>> interpolator;

    /**
     * @param interpolator re-interpolates a Bean Validation violation in a locale; null without
     *     Bean Validation
     */
    public ViolationDescriber(ContractMessages messages, MessageSource messageSource,
            Function<HttpServletRequest, Locale> localeOf,
            BiFunction<MessageSourceResolvable, Locale, Optional<String>> interpolator) {
        this.messages = messages;
        this.messageSource = messageSource;
        this.localeOf = localeOf;
        this.interpolator = interpolator;
    }

    Locale locale(HttpServletRequest request) {
        return localeOf.apply(request);
    }

    String text(String key, Locale locale, Object... args) {
        return messages.find(key, locale, args).orElseGet(() -> messages.statusDescription(400, locale));
    }

    String describe(MessageSourceResolvable error, Locale locale) {
        if (messageSource != null && error.getCodes() != null) {
            try {
                String text = messageSource.getMessage(
                        new DefaultMessageSourceResolvable(error.getCodes(), error.getArguments(), null), locale);
                if (!text.isEmpty()) {
                    return text;
                }
            } catch (RuntimeException noText) {
                // the application has no text for these codes
            }
        }
        if (interpolator != null) {
            try {
                Optional<String> text = interpolator.apply(error, locale);
                if (text.isPresent() && !text.get().isEmpty()) {
                    return text.get();
                }
            } catch (RuntimeException notReinterpolable) {
                // fall back to the validator's own message
            }
        }
        String fallback = error.getDefaultMessage();
        return fallback != null && !fallback.isEmpty() ? fallback : messages.statusDescription(400, locale);
    }
}
