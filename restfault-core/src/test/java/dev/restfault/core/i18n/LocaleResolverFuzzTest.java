package dev.restfault.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.restfault.core.testing.FuzzText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link LocaleResolver} on any {@code X-Locale} and {@code Accept-Language}: never an exception,
 * always one of the supported locales, and {@code resolve} is {@code X-Locale}, else
 * {@code Accept-Language}, else the fallback. Checked for the default resolver and for one whose
 * supported locales come from the input itself.
 *
 * <p>Input: the {@code X-Locale} value, a line feed, the {@code Accept-Language} value.
 * Regression inputs: {@code LocaleResolverFuzzTestInputs/resolve/}.
 */
class LocaleResolverFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void resolve(byte[] input) {
        for (String text : FuzzText.views(input)) {
            String[] headers = FuzzText.fields(text, 2);
            check(LocaleResolver.defaults(), headers[0], headers[1]);
            LocaleResolver custom = fromInput(headers);
            if (custom != null) {
                check(custom, headers[0], headers[1]);
            }
        }
    }

    private static void check(LocaleResolver resolver, String xLocale, String acceptLanguage) {
        Optional<Locale> fromX = resolver.fromXLocale(xLocale);
        Optional<Locale> fromAccept = resolver.fromAcceptLanguage(acceptLanguage);
        fromX.ifPresent(l -> assertThat(resolver.supported()).contains(l));
        fromAccept.ifPresent(l -> assertThat(resolver.supported()).contains(l));
        Locale resolved = resolver.resolve(xLocale, acceptLanguage);
        assertThat(resolved).isEqualTo(fromX.or(() -> fromAccept).orElse(resolver.fallback()));
    }

    /** A resolver supporting the languages the input names in either header, or null for none. */
    private static LocaleResolver fromInput(String[] headers) {
        List<Locale> supported = new ArrayList<>();
        for (String header : headers) {
            if (header == null) {
                continue;
            }
            for (String part : header.split("[,;]", 8)) {
                Locale l = Locale.forLanguageTag(part.trim());
                if (!l.getLanguage().isEmpty()) {
                    supported.add(l);
                }
            }
        }
        return supported.isEmpty() ? null : LocaleResolver.of(supported);
    }
}
