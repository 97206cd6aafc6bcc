package dev.restfault.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.http.RetryAfter;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.ModelLimits;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.ErrorReader;
import dev.restfault.json.ErrorWriter;
import dev.restfault.json.ReaderLimits;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client's decoder on any response, status, headers and body together: {@code decode}
 * never throws for the response's sake, and every accessor of the exception it returns keeps
 * its guarantee: the kept body within the cap, a delay within 0..{@link RetryAfter#MAX_DELAY},
 * ids only when they are GUIDs, challenges bounded, a one-line message without the URI's query,
 * and a normalized error the strict writer accepts in every format.
 *
 * <p>Regression inputs: {@code ErrorDecoderFuzzTestInputs/decode/} (fuzzer data).
 */
class ErrorDecoderFuzzTest {

    private static final String[] NAMES = {HeaderNames.CONTENT_TYPE, "content-type", HeaderNames.RETRY_AFTER,
        HeaderNames.RETRY_AFTER_MS, HeaderNames.X_MS_RETRY_AFTER_MS, HeaderNames.MS_REQUEST_ID,
        HeaderNames.MS_CORRELATION_ID, HeaderNames.CONTENT_LANGUAGE, HeaderNames.WWW_AUTHENTICATE, "X-Other"};
    private static final String[] VALUES = {"application/json; charset=utf-8", "application/problem+json",
        "text/html; charset=ISO-8859-1", "application/json; charset=UTF-16", "application/json; charset=utf-32le",
        "text/plain; charset=x-JISAutoDetect", "application/json; charset=\"Big5\"", "text/plain; charset=unknown-cs",
        "application/json; charset=", "120", "Mon, 23 Nov 2026 12:01:30 GMT", "1500", "86400001",
        "0f8fad5b-d9cb-469f-a165-70867728950e", " 0F8FAD5B-D9CB-469F-A165-70867728950E ", "fr-FR, en", "zh-Hant-TW",
        "OAuth realm=\"urn:cpsvc:cpid:contoso\"", "Bearer realm=x, OAuth realm=urn:cpsvc:cpid:c, Basic", ""};
    private static final String[] URIS = {"https://api.example.com/v1/customers/42?access_token=SECRET",
        "http://127.0.0.1:8080/", "https://user:pw@host/p?SECRET", "urn:example:SECRET", "/relative?SECRET"};
    private static final String[] METHODS = {"GET", "post", "DELETE", "PATCH", "x-custom"};
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @FuzzTest(maxDuration = "5m")
    void decode(FuzzedDataProvider data) {
        int status = data.consumeInt(400, 599);
        HttpHeaders headers = headers(data);
        RequestContext request = RequestContext.of(data.pickValue(METHODS), URI.create(data.pickValue(URIS)));
        if (data.consumeBoolean()) {
            request = request.withRequestId(RequestIds.generate());
        }
        ErrorDecoder decoder = data.consumeBoolean() ? ErrorDecoder.standard()
                : ErrorDecoder.create(ErrorReader.create(ReaderLimits.builder().maxDepth(data.consumeInt(1, 40))
                        .maxEntries(data.consumeInt(1, 256)).maxStringLength(data.consumeInt(1, 2000)).build()),
                        data.consumeInt(1, 4096), CLOCK);
        byte[] body = data.consumeRemainingAsBytes();

        ContractErrorException e = decoder.decode(status, headers, body, request);

        assertThat(e.status()).isEqualTo(status);
        assertThat(e.code()).isNotEmpty();
        assertThat(e.category()).isNotNull();
        assertThat(e.error().isPresent()).isNotEqualTo(e.bodyFailure().isPresent());
        assertThat(e.data()).hasSizeLessThanOrEqualTo(ModelLimits.MAX_ENTRIES);
        assertThat(e.body().size()).isLessThanOrEqualTo(decoder.maxBodyBytes());
        assertThat(e.body().truncated()).isEqualTo(body.length > decoder.maxBodyBytes());
        assertThat(e.body().text()).isNotNull();
        e.retryAfter().ifPresent(d -> assertThat(d).isBetween(Duration.ZERO, RetryAfter.MAX_DELAY));
        if (e.retryAfterBeyondMax()) {
            assertThat(e.retryAfter()).isEmpty();
        }
        List<AuthChallenge> challenges = e.challenges();
        assertThat(challenges).hasSizeLessThanOrEqualTo(AuthChallenge.MAX_CHALLENGES);
        assertThat(e.challenge()).isEqualTo(challenges.stream().findFirst());
        e.requestId().ifPresent(id -> assertThat(RequestIds.isValid(id)).isTrue());
        e.correlationId().ifPresent(id -> assertThat(RequestIds.isValid(id)).isTrue());
        e.contentLanguage().ifPresent(l -> assertThat(l.getLanguage()).isNotEmpty());
        e.retryPermitted();

        String message = e.getMessage();
        assertThat(message).startsWith("HTTP " + status).doesNotContain("SECRET");
        assertThat(message.chars().noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'))
                .as("one line without control characters: %s", message).isTrue();

        PartnerCenterError normalized = e.toPartnerCenter(data.consumeBoolean() ? null : Locale.JAPAN);
        for (ErrorFormat format : ErrorFormat.values()) {
            assertThat(ErrorWriter.standard().write(format, normalized, status, "Title")).isNotEmpty();
        }
    }

    private static HttpHeaders headers(FuzzedDataProvider data) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int n = data.consumeInt(0, 8);
        for (int i = 0; i < n; i++) {
            // HttpHeaders trims names and refuses an empty one or two that are one once trimmed.
            String name = (data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeAsciiString(20)).trim();
            if (name.isEmpty()) {
                continue;
            }
            int values = data.consumeInt(1, 3);
            for (int v = 0; v < values; v++) {
                String value = switch (data.consumeInt(0, 2)) {
                    case 0 -> data.pickValue(VALUES);
                    case 1 -> data.consumeAsciiString(80);
                    default -> data.consumeString(80);
                };
                map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }
}
