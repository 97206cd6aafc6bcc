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
 * the asked locale or its language: Spring's own fallback (to the system locale's bundle, then to
 * {@code messages.properties}) would otherwise answer every locale with the default text and hide
 * restfault's built-in translations. {@code messages.properties} is taken to be English, the
 * contract's fallback: its texts are returned for {@code en} locales, and reached by the others
 * through restfault's fallback to en-US.
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
        if (!ENGLISH.equals(asked.getLanguage()) && text.equals(lookup(key, NO_BUNDLE))) {
            return Optional.empty(); // Spring's fallback text, not one written for this language
        }
        return Optional.of(text);
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
