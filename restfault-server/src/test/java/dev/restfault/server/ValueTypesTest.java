package dev.restfault.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.http.RequestIds;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The small types the renderer reads and returns: their bad-input handling and immutability. */
class ValueTypesTest {

    @Test
    void correlationIdsAcceptOnlyGuidsAndReplaceAnythingElse() {
        String id = UUID.randomUUID().toString();
        assertThat(new CorrelationIds(id, id).correlationId()).isEqualTo(id);
        assertThatIllegalArgumentException().isThrownBy(() -> new CorrelationIds("x", id));
        assertThatIllegalArgumentException().isThrownBy(() -> new CorrelationIds(id, null));
        CorrelationIds echoed = CorrelationIds.of(id, "not-a-guid\r\n");
        assertThat(echoed.correlationId()).isEqualTo(id);
        assertThat(echoed.requestId()).isNotEqualTo("not-a-guid\r\n").satisfies(r -> assertThat(RequestIds.isValid(r)).isTrue());
        assertThat(CorrelationIds.of((String) null, null).correlationId()).isNotEqualTo(CorrelationIds.of((String) null, null).correlationId());
        assertThat(CorrelationIds.of(name -> {
            throw new IllegalStateException("unparsed");
        })).satisfies(ids -> assertThat(RequestIds.isValid(ids.requestId())).isTrue());
        assertThatNullPointerException().isThrownBy(() -> CorrelationIds.of((HeaderLookup) null));
    }

    @Test
    void requestFactsReadLazilyAndTolerateWhatTheServerCouldNotParse() {
        AtomicInteger lookups = new AtomicInteger();
        String id = UUID.randomUUID().toString();
        CorrelationIds given = CorrelationIds.of(id, id);
        RequestFacts facts = RequestFacts.builder("GET", "").headers(name -> {
            lookups.incrementAndGet();
            return null;
        }).ids(given).build();
        assertThat(lookups).hasValue(0); // nothing is read up front when the ids are given
        assertThat(facts.path()).isEqualTo("/");
        assertThat(facts.ids()).isSameAs(given);
        assertThat(facts.chosenFormat()).isEmpty();
        assertThat(facts.allowedMethods()).isEmpty();
        assertThat(facts.responseHeaderLines("Allow")).isEmpty();

        RequestFacts broken = RequestFacts.builder(null, null).headers(new HeaderLookup() {
            @Override
            public String first(String name) {
                throw new IllegalStateException("unparsed");
            }

            @Override
            public java.util.List<String> all(String name) {
                throw new IllegalStateException("unparsed");
            }
        }).allowedMethods(() -> null).chosenFormat(ErrorFormat.PARTNER_API).build();
        assertThat(broken.method()).isNull();
        assertThat(broken.header("Accept")).isNull();
        assertThat(broken.headerLines("Accept")).isEmpty();
        assertThat(broken.allowedMethods()).isEmpty();
        assertThat(broken.chosenFormat()).contains(ErrorFormat.PARTNER_API);
        assertThat(RequestIds.isValid(broken.ids().correlationId())).isTrue();
        assertThat(broken.toString()).isEqualTo("RequestFacts[? /]");
        assertThatNullPointerException().isThrownBy(() -> RequestFacts.builder("GET", "/").headers(null));
        assertThatNullPointerException().isThrownBy(() -> RequestFacts.builder("GET", "/").responseHeaders(null));
    }

    @Test
    void headerLookupsOfTwoFunctions() {
        HeaderLookup lookup = HeaderLookup.of(name -> name.equals("A") ? "1" : null, name -> name.equals("A") ? List.of("1", "2") : null);
        assertThat(lookup.first("A")).isEqualTo("1");
        assertThat(lookup.all("A")).containsExactly("1", "2");
        assertThat(lookup.all("B")).isEmpty();
        HeaderLookup single = name -> "v";
        assertThat(single.all("x")).containsExactly("v");
        assertThat(HeaderLookup.NONE.all("x")).isEmpty();
        assertThatNullPointerException().isThrownBy(() -> HeaderLookup.of(null, name -> null));
    }

    @Test
    void anErrorRequestOfAFormatThatIsNotLocalizedIsInEnglish() {
        RequestFacts facts = RequestFacts.builder("GET", "/").build();
        assertThat(ErrorRequest.of(facts, ErrorFormat.PARTNER_API, SupportedLocales.JA_JP).locale()).isEqualTo(SupportedLocales.EN_US);
        assertThat(ErrorRequest.of(facts, ErrorFormat.PROBLEM_DETAILS, SupportedLocales.JA_JP).locale()).isEqualTo(SupportedLocales.JA_JP);
        assertThatNullPointerException().isThrownBy(() -> ErrorRequest.of(facts, null, SupportedLocales.JA_JP));
        assertThatNullPointerException().isThrownBy(() -> ErrorRequest.of(null, ErrorFormat.PARTNER_API, SupportedLocales.JA_JP));
    }

    @Test
    void pathFormatsMatchWholeSegmentsAndRefuseWhatCannotBeServed() {
        PathFormat legacy = new PathFormat("/v1/legacy/", ErrorFormat.PARTNER_API);
        assertThat(legacy.prefix()).isEqualTo("/v1/legacy");
        assertThat(legacy.matches("/v1/legacy")).isTrue();
        assertThat(legacy.matches("/v1/legacy/x")).isTrue();
        assertThat(legacy.matches("/v1/legacyx")).isFalse();
        assertThat(legacy.matches("/v1")).isFalse();
        assertThat(new PathFormat("/", ErrorFormat.PARTNER_API).matches("/anything")).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> new PathFormat("legacy", ErrorFormat.PARTNER_API));
        assertThatIllegalArgumentException().isThrownBy(() -> new PathFormat(null, ErrorFormat.PARTNER_API));
        assertThatIllegalArgumentException().isThrownBy(() -> new PathFormat("/x", ErrorFormat.PROBLEM_DETAILS));
        assertThatIllegalArgumentException().isThrownBy(() -> new PathFormat("/x", null));
        assertThatNullPointerException().isThrownBy(() -> legacy.matches(null));
    }

    @Test
    void aRenderedErrorCannotBeChangedThroughItsParts() throws IOException {
        RenderedError e = ErrorRenderer.builder("svc").build()
                .render(StatusErrors.of(400), RequestFacts.builder("GET", "/").build());
        byte[] body = e.body();
        String before = new String(body, StandardCharsets.UTF_8);
        body[0] = 'X';
        assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo(before);
        ByteBuffer buffer = e.bodyBuffer();
        assertThat(buffer.isReadOnly()).isTrue();
        assertThatThrownBy(() -> buffer.put(0, (byte) 'X')).isInstanceOf(ReadOnlyBufferException.class);
        assertThatThrownBy(() -> e.headers().set(0, Map.entry("Set-Cookie", "a=b"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> e.headers().get(0).setValue("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> e.headerValues("Content-Type").add("x")).isInstanceOf(UnsupportedOperationException.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.writeBody(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(before);
        assertThat(e.bodyLength()).isEqualTo(out.size());
        assertThat(e.headerName(0)).isEqualTo(e.headers().get(0).getKey());
        assertThat(e.headerValue(0)).isEqualTo(e.headers().get(0).getValue());
        assertThatThrownBy(() -> e.headerName(e.headerCount())).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(e.toString()).startsWith("RenderedError[status=400").doesNotContain(before);
    }
}
