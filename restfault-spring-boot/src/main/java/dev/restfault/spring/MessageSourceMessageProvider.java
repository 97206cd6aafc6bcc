package dev.restfault.spring;

import dev.restfault.core.i18n.MessageProvider;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.MessageSource;

/**
 * Texts from Spring's {@link MessageSource}: an application localizes its own error codes with
 * keys {@code code.<code>} in its {@code messages*.properties} (and may override restfault's
 * built-in texts by their keys).
 *
 * <p>As {@link MessageProvider} requires, a text is returned only when the application has one for
 * the asked locale or its language. Spring's own fallbacks would otherwise answer every locale:
 * first with the bundle of the JVM's default (system) locale (Spring Boot's
 * {@code spring.messages.fallback-to-system-locale=true}), then with {@code messages.properties}.
 * A text is taken to be written for the asked language when it differs from what a locale no
 * bundle exists for ({@code zxx}) gets, which is the system-locale or default text; or, when the
 * asked language is the system locale's own, when it differs from the default text.
 * {@code messages.properties} is taken to be English, the contract's fallback: for {@code en}
 * locales (and {@link Locale#ROOT}) its text is returned, read through a {@link Locale#ROOT} lookup,
 * which Spring's {@code ResourceBundleMessageSource} (Spring Boot's) answers from that file alone,
 * never from the system locale's bundle. The other languages reach it through restfault's fallback
 * to en-US.
 *
 * <p>Limit: Spring's {@code ReloadableResourceBundleMessageSource} consults the system locale's
 * files even for {@link Locale#ROOT}; with it, set {@code fallbackToSystemLocale} to false (or run
 * the JVM in an English locale) if the application ships a bundle in the system's language.
 *
 * <p>Texts are returned unformatted ({@code {0}} placeholders intact), so restfault formats them
 * the same way whatever their source. A message source that throws or has no text yields an empty
 * result. Thread-safe when the message source is.
 */
public final class MessageSourceMessageProvider implements MessageProvider {

    private static final String ENGLISH = "en";
    /** "Uncoded languages" (ISO 639-2): no application ships a bundle for it. */
    private static final Locale NO_BUNDLE = Locale.forLanguageTag("zxx");

    private final MessageSource messageSource;

    /** @param messageSource the application's message source; not null */
    public MessageSourceMessageProvider(MessageSource messageSource) {
        this.messageSource = Objects.requireNonNull(messageSource, "messageSource");
    }

    /**
     * The application's text for {@code key} written in {@code locale}'s language, unformatted.
     *
     * @param key null or empty yields an empty result
     * @param locale null means {@link Locale#ROOT} (the default bundle)
     */
    @Override
    public Optional<String> find(String key, Locale locale) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        Locale asked = locale == null ? Locale.ROOT : locale;
        String text = lookup(key, asked);
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String base = lookup(key, Locale.ROOT);
        String fallback = lookup(key, NO_BUNDLE);
        if (asked.getLanguage().isEmpty() || ENGLISH.equals(asked.getLanguage())) {
            if (!text.equals(fallback) && !text.equals(base)) {
                return Optional.of(text); // messages_en*.properties
            }
            // Whatever Spring fell back to (the system locale's bundle, say), English is the default bundle.
            return base == null || base.isEmpty() ? Optional.empty() : Optional.of(base);
        }
        if (text.equals(base)) {
            return Optional.empty(); // the default bundle's text: English, not this language
        }
        if (!text.equals(fallback)) {
            return Optional.of(text); // a bundle of the asked language
        }
        // The same text as a locale without bundle gets: the system locale's bundle, which is a
        // text of the asked language only when the system locale speaks it.
        return asked.getLanguage().equals(Locale.getDefault().getLanguage()) ? Optional.of(text) : Optional.empty();
    }

    private String lookup(String key, Locale locale) {
        try {
            // No arguments: Spring then returns the text as written, without MessageFormat.
            return messageSource.getMessage(key, null, null, locale);
        } catch (RuntimeException broken) {
            return null;
        }
    }
}
