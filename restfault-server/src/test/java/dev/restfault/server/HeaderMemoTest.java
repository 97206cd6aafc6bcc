package dev.restfault.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.i18n.LocaleResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The memo of header readings: the same answers as the function, bounded against hostile clients. */
class HeaderMemoTest {

    @Test
    void aValueIsReadOnceAndGivesWhatTheFunctionGives() {
        AtomicInteger calls = new AtomicInteger();
        HeaderMemo<Integer> memo = new HeaderMemo<>(value -> {
            calls.incrementAndGet();
            return value == null ? -1 : value.length();
        });
        assertThat(memo.get("fr-CA,fr;q=0.9")).isEqualTo(14);
        assertThat(memo.get("fr-CA,fr;q=0.9")).isEqualTo(14);
        assertThat(calls).hasValue(1);
        assertThat(memo.get(null)).isEqualTo(-1);
        assertThat(memo.get(null)).isEqualTo(-1);
        assertThat(calls).as("null is not kept").hasValue(3);
        String long257 = "x".repeat(HeaderMemo.MAX_KEY_LENGTH + 1);
        memo.get(long257);
        memo.get(long257);
        assertThat(calls).as("a long value is not kept").hasValue(5);
    }

    @Test
    void aClientSendingANewValueEveryTimeCannotGrowIt() {
        HeaderMemo<Integer> memo = new HeaderMemo<>(String::length);
        for (int i = 0; i < 10 * HeaderMemo.MAX_ENTRIES; i++) {
            assertThat(memo.get("value-" + i)).isEqualTo(("value-" + i).length());
            assertThat(memo.size()).isLessThanOrEqualTo(HeaderMemo.MAX_ENTRIES);
        }
    }

    @Test
    void theRenderersNegotiationAgreesWithTheLocaleResolverOnAnyValue() {
        ErrorRenderer renderer = ErrorRenderer.builder("svc").build();
        LocaleResolver resolver = LocaleResolver.defaults();
        String[] pieces = {"fr", "fr-CA", "ja-JP", "zh-Hant", "zh-CN", "en", "*", ";q=0", ";q=0.5", ",", " ", "de", "x!", ";q=1"};
        // Every value of up to two pieces, and realistic longer ones, each negotiated twice:
        // computed, then remembered.
        List<String> values = new ArrayList<>(List.of(""));
        for (int length = 0; length < 2; length++) {
            List<String> longer = new ArrayList<>();
            for (String v : values) {
                for (String p : pieces) {
                    longer.add(v + p);
                }
            }
            values.addAll(longer);
        }
        values.addAll(List.of("fr-CA,fr;q=0.9,en-US;q=0.8,en;q=0.7", "zh-CN,zh;q=0.9,zh-TW;q=0.8", "de-DE, ja;q=0.5, *;q=0.1",
                "fr;q=0, fr-CA, en", "ja-JP;q=banana, fr"));
        for (String value : values) {
            for (String[] headers : new String[][] {{null, value}, {value, "ja-JP"}}) {
                RequestFacts facts = RequestFacts.builder("GET", "/").headers(name -> name.equals("X-Locale") ? headers[0]
                        : name.equals("Accept-Language") ? headers[1] : null).build();
                for (int twice = 0; twice < 2; twice++) {
                    assertThat(renderer.negotiate(facts).locale()).as("X-Locale %s, Accept-Language %s", headers[0], headers[1])
                            .isEqualTo(resolver.resolve(headers[0], headers[1]));
                }
            }
        }
    }
}
