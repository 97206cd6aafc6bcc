package dev.restfault.spring.web;

import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.MessageProvider;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Describes one validation error in the error's language: the application's text for the error's
 * codes from its {@link MessageSource} ({@code NotBlank.customer.name}, {@code NotBlank}...) when
 * it has one written in that language, else the constraint's message template interpolated again in
 * that language (Bean Validation's own translations), else, for a Bean Validation violation only,
 * the message the validator produced, else restfault's localized text for an invalid value.
 *
 * <p>The language is the one the renderer negotiated for the request ({@code ErrorRequest.locale()}),
 * so nested texts match the body's.
 *
 * <p>A binding error that is not a constraint violation (a type mismatch while binding a
 * {@code @ModelAttribute}, say) never gets Spring's default message: that one names Java types and
 * repeats the client's input.
 */
public final class ViolationDescriber {

    private final ContractMessages messages;
    private final MessageSource messageSource;
    private final MessageProvider applicationTexts;
    private final BiFunction<Object, Locale, Optional<String>> interpolator;
    private final Predicate<Object> isConstraintViolation;

    /**
     * @param messages restfault's texts
     * @param messageSource the application's message source, used to format a text that
     *     {@code applicationTexts} found; null when there is none
     * @param applicationTexts tells whether the application has a text for a code in a language
     *     (without Spring's fallbacks to other languages); null when there is none
     * @param interpolator re-interpolates a Bean Validation violation (a {@code ConstraintViolation},
     *     or a Spring error that wraps one) in a locale; null without Bean Validation
     * @param isConstraintViolation whether an object is or wraps a Bean Validation violation, whose
     *     message is an interpolated constraint text; null without Bean Validation
     */
    public ViolationDescriber(ContractMessages messages, MessageSource messageSource, MessageProvider applicationTexts,
            BiFunction<Object, Locale, Optional<String>> interpolator,
            Predicate<Object> isConstraintViolation) {
        this.messages = messages;
        this.messageSource = messageSource;
        this.applicationTexts = applicationTexts;
        this.interpolator = interpolator;
        this.isConstraintViolation = isConstraintViolation;
    }

    /**
     * The description of {@code error} in {@code locale}; {@code fieldName} names the field or
     * parameter for restfault's own invalid-value text.
     */
    String describe(MessageSourceResolvable error, Locale locale, String fieldName) {
        return describe(error, error, false, locale, fieldName);
    }

    /**
     * Like {@link #describe(MessageSourceResolvable, Locale, String)}, for an error whose
     * violation is {@code source} (a {@code ConstraintViolation} Spring's method validation
     * unwrapped; null when unknown). {@code fromBeanValidation} says that the error's default
     * message is Bean Validation's even if {@code source} cannot show it.
     */
    String describe(MessageSourceResolvable error, Object source, boolean fromBeanValidation, Locale locale,
            String fieldName) {
        String own = applicationText(error, locale);
        if (own != null) {
            return own;
        }
        if (interpolator != null) {
            try {
                Optional<String> text = source == null ? Optional.empty() : interpolator.apply(source, locale);
                if (text.isPresent() && !text.get().isEmpty()) {
                    return text.get();
                }
            } catch (RuntimeException notReinterpolable) {
                // fall back to the validator's own message
            }
        }
        boolean violation = fromBeanValidation || (isConstraintViolation != null && source != null && safeTest(source));
        String fallback = violation ? error.getDefaultMessage() : null;
        if (fallback != null && !fallback.isEmpty()) {
            return fallback; // Bean Validation's interpolated text: the constraint's, not the input's
        }
        String name = fieldName == null || fieldName.isEmpty() ? "?" : fieldName;
        return RequestElementErrors.text(messages, RequestElementErrors.INVALID_PARAMETER, locale, name);
    }

    private boolean safeTest(Object source) {
        try {
            return isConstraintViolation.test(source);
        } catch (RuntimeException cannotTell) {
            return false;
        }
    }

    /**
     * The application's text for the first of the error's codes it has in {@code locale}'s
     * language, formatted by its message source; null when it has none in that language (Spring's
     * fallback to the system locale's or the default bundle does not count).
     */
    private String applicationText(MessageSourceResolvable error, Locale locale) {
        String[] codes = error.getCodes();
        if (messageSource == null || applicationTexts == null || codes == null) {
            return null;
        }
        for (String code : codes) {
            if (code == null || code.isEmpty()) {
                continue;
            }
            try {
                Optional<String> found = applicationTexts.find(code, locale);
                if (found.isEmpty()) {
                    continue;
                }
                // Format with the locale whose lookup gives the text found: an English request on a
                // German JVM finds the default bundle's text, which Spring reaches through ROOT only.
                Locale formatIn = found.get().equals(messageSource.getMessage(code, null, null, locale)) ? locale : Locale.ROOT;
                String text = messageSource.getMessage(
                        new DefaultMessageSourceResolvable(new String[] {code}, error.getArguments(), null), formatIn);
                if (!text.isEmpty()) {
                    return text;
                }
            } catch (RuntimeException noText) {
                // the application has no usable text for this code
            }
        }
        return null;
    }
}
