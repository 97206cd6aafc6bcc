package dev.restfault.benchmarks;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.AcceptHeader;
import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.LocaleResolver;
import dev.restfault.core.i18n.LocalizedText;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.Descriptions;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.ErrorWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The baseline for {@link RenderErrorBenchmark}: what the Spring starter's
 * {@code ContractErrorRenderer} did for an error that carries only a status, before the rendering
 * core existed (restfault at commit 7b37652), with its servlet calls replaced by the equivalent
 * plain lookups: {@code forStatus}, {@code formatFor} (the Accept header's lines joined, then
 * parsed; the path prefixes matched by concatenation), {@code localeFor} and {@code prepare} (the
 * body built field by field, the reason phrase looked up for every format, the headers in a
 * {@code LinkedHashMap} and the whole copied into an immutable {@code ContainerError}). Kept only to
 * measure against; nothing else uses it.
 */
final class PreCoreRenderer {

    record ContainerError(int status, Map<String, String> headers, byte[] body) {
        ContainerError {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
            body = Objects.requireNonNull(body, "body").clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ContainerError other && status == other.status && headers.equals(other.headers)
                    && Arrays.equals(body, other.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, headers, Arrays.hashCode(body));
        }
    }

    private final String source;
    private final ContractMessages messages;
    private final LocaleResolver localeResolver;
    private final ErrorWriter writer;
    private final List<Map.Entry<String, ErrorFormat>> prefixFormats;
    private final AuthChallenge challenge;

    PreCoreRenderer(String source, Map<String, ErrorFormat> formats, AuthChallenge challenge) {
        this.source = source;
        this.messages = ContractMessages.defaults();
        this.localeResolver = LocaleResolver.of(SupportedLocales.ALL);
        this.writer = ErrorWriter.standard();
        this.challenge = challenge;
        List<Map.Entry<String, ErrorFormat>> prefixes = new ArrayList<>(formats.entrySet());
        prefixes.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        this.prefixFormats = List.copyOf(prefixes);
    }

    /** {@code renderStatus(request, response, 404)} up to the bytes and headers it wrote. */
    ContainerError render404(String path, Function<String, String> header, Function<String, List<String>> headerLines) {
        ContractException error = ContractException.builder(404).messageKey(ContractMessages.NO_SUCH_RESOURCE).build();
        String correlationId = RequestIds.validOrNew(header.apply(HeaderNames.MS_CORRELATION_ID));
        String requestId = RequestIds.validOrNew(header.apply(HeaderNames.MS_REQUEST_ID));
        return prepare(error, formatFor(path, headerLines), header, correlationId, requestId);
    }

    private ErrorFormat formatFor(String path, Function<String, List<String>> headerLines) {
        if (prefersProblemDetails(Collections.enumeration(headerLines.apply(HeaderNames.ACCEPT)))) {
            return ErrorFormat.PROBLEM_DETAILS;
        }
        for (Map.Entry<String, ErrorFormat> e : prefixFormats) {
            String prefix = e.getKey();
            if (prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/")) {
                return e.getValue();
            }
        }
        return ErrorFormat.PARTNER_CENTER;
    }

    private static boolean prefersProblemDetails(Enumeration<String> acceptHeaders) {
        StringBuilder joined = new StringBuilder();
        while (acceptHeaders.hasMoreElements() && joined.length() < AcceptHeader.MAX_CHARS) {
            String value = acceptHeaders.nextElement();
            if (value != null) {
                if (joined.length() > 0) {
                    joined.append(',');
                }
                joined.append(value, 0, Math.min(value.length(), AcceptHeader.MAX_CHARS - joined.length()));
            }
        }
        return AcceptHeader.parse(joined.toString()).prefersProblemDetails();
    }

    private ContainerError prepare(ContractException error, ErrorFormat format, Function<String, String> header,
            String correlationId, String requestId) {
        Locale locale = format == ErrorFormat.PARTNER_API ? SupportedLocales.EN_US
                : localeResolver.resolve(header.apply(HeaderNames.X_LOCALE), header.apply(HeaderNames.ACCEPT_LANGUAGE));
        int status = error.status();
        LocalizedText description = error.describe(messages, locale);
        Locale language = description.locale();
        PartnerCenterError body = PartnerCenterError.builder()
                .code(error.code())
                .description(description.text())
                .data(error.data())
                .source(error.source().filter(named -> !Descriptions.isBlank(named)).orElse(source))
                .build();
        byte[] bytes = writer.write(format, body, status, messages.reasonPhrase(status, language));
        Map<String, String> headers = new LinkedHashMap<>(error.headers());
        if (StatusCatalog.entry(status).header(HeaderNames.WWW_AUTHENTICATE).isPresent() && error.challenge().isEmpty()) {
            headers.put(HeaderNames.WWW_AUTHENTICATE, challenge.toHeaderValue());
        }
        headers.put(HeaderNames.CONTENT_TYPE, format.contentType());
        headers.put(HeaderNames.CACHE_CONTROL, HeaderNames.NO_STORE);
        headers.put(HeaderNames.X_CONTENT_TYPE_OPTIONS, HeaderNames.NOSNIFF);
        headers.put(HeaderNames.CONTENT_LANGUAGE, language.toLanguageTag());
        headers.put(HeaderNames.MS_CORRELATION_ID, correlationId);
        headers.put(HeaderNames.MS_REQUEST_ID, requestId);
        return new ContainerError(status, Collections.unmodifiableMap(headers), bytes);
    }
}
