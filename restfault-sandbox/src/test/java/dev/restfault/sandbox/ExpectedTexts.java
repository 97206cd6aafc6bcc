package dev.restfault.sandbox;

import dev.restfault.core.i18n.ContractMessages;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * What a description must say: restfault's built-in texts plus the sandbox's
 * {@code messages*.properties}, read straight from the files (not through Spring), so a test
 * fails if the running service picks the wrong key, language or arguments.
 */
final class ExpectedTexts {

    private static final ContractMessages TEXTS = ContractMessages.builder().add(ExpectedTexts::bundle).build();

    private ExpectedTexts() {
    }

    private static Optional<String> bundle(String key, Locale locale) {
        try {
            ResourceBundle b = ResourceBundle.getBundle("messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return b.containsKey(key) ? Optional.of(b.getString(key)) : Optional.empty();
        } catch (MissingResourceException none) {
            return Optional.empty();
        }
    }

    /** The text of {@code key} in {@code locale}, formatted. */
    static String text(String key, Locale locale, Object... args) {
        return TEXTS.find(key, locale, args).orElseThrow(() -> new AssertionError("no text for " + key));
    }

    /** The default description of {@code status} in {@code locale}. */
    static String status(int status, Locale locale) {
        return TEXTS.statusDescription(status, locale);
    }

    /** The reason phrase of {@code status} in {@code locale}. */
    static String reason(int status, Locale locale) {
        return TEXTS.reasonPhrase(status, locale);
    }
}
