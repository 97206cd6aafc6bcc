package dev.restfault.testkit.implementation;

import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.MediaType;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.testkit.check.ContractChecker;
import dev.restfault.testkit.check.ObservedResponse;
import dev.restfault.testkit.check.ResponseHeaders;
import dev.restfault.testkit.check.Rule;
import dev.restfault.testkit.check.Violation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One provoking request, independent of the client that sends it: method, URI, headers in order,
 * body, and the facts its answer is judged by (what {@code Accept}, ids and language it sent,
 * whether it is the client's mistake). Built by {@link ProbeTarget}; sent by the probe through
 * {@code java.net.http} and by the load runner over its own connections, and judged the same way
 * by {@link #judge}.
 *
 * <p>Not API: this package is not exported. The body array is shared between requests of a run
 * and must not be modified. Immutable otherwise.
 */
public final class ProbeRequest {

    private final String caseId;
    private final String method;
    private final URI uri;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final String accept;
    private final String checkedCorrelationId;
    private final String checkedRequestId;
    private final Locale requestedLocale;
    private final boolean clientMistake;
    private final boolean formatJudged;

    ProbeRequest(String caseId, String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body,
            String accept, String checkedCorrelationId, String checkedRequestId, Locale requestedLocale,
            boolean clientMistake, boolean formatJudged) {
        this.caseId = caseId;
        this.method = method;
        this.uri = uri;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.accept = accept;
        this.checkedCorrelationId = checkedCorrelationId;
        this.checkedRequestId = checkedRequestId;
        this.requestedLocale = requestedLocale;
        this.clientMistake = clientMistake;
        this.formatJudged = formatJudged;
    }

    /** The id of the case that built it, such as {@code "unknown-path"} or {@code "post-json"}. */
    public String caseId() {
        return caseId;
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /**
     * The headers to send, in order. Never {@code Host}, {@code Content-Length} or
     * {@code Connection}: those belong to the client that sends it.
     */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The body; null when the request has none (no {@code Content-Length} either). Not to be modified. */
    public byte[] body() {
        return body;
    }

    /** {@code METHOD /path}, for reports. */
    public String line() {
        return method + " " + uri.getRawPath();
    }

    /**
     * Every violation of the answer: the checker's, told what this request sent; then
     * {@code client-error-as-5xx} when the request is the client's mistake and the answer a 5xx,
     * and {@code expected-format} when {@code expectedFormat} is set and an error came in another
     * one (the problem-details case excepted, which asked for problem details).
     *
     * @param expectedFormat null accepts any of the three formats
     * @param shedding whether a 503 may be the server shedding load (many requests at once) rather
     *     than its verdict on this request: then a 503 is not {@code client-error-as-5xx}
     */
    public List<Violation> judge(ContractChecker checker, ErrorFormat expectedFormat, int status, ResponseHeaders headers,
            byte[] body, boolean shedding) {
        ObservedResponse observed = ObservedResponse.builder(status)
                .headers(headers)
                .body(body)
                .requestMethod(method)
                .sentCorrelationId(checkedCorrelationId)
                .sentRequestId(checkedRequestId)
                .requestedLocale(requestedLocale)
                // So the checker can tell problem details nobody asked for, and a 406 that
                // names only the refused type.
                .requestAccept(accept)
                .build();
        List<Violation> violations = new ArrayList<>(checker.check(observed));
        if (clientMistake && status >= 500 && !(shedding && status == 503)) {
            violations.add(0, Violation.of(Rule.CLIENT_ERROR_AS_5XX,
                    caseId + " answered " + status + ": a client's mistake reported as a server fault", line()));
        }
        if (expectedFormat != null && status >= 400 && formatJudged) {
            boolean problemType = headers.first(HeaderNames.CONTENT_TYPE)
                    .map(t -> MediaType.parse(t).isProblemJson()).orElse(false);
            ErrorFormat found = checker.detectFormat(body, problemType).orElse(expectedFormat);
            if (found != expectedFormat) {
                violations.add(Violation.of(Rule.EXPECTED_FORMAT, "a " + found.token() + " error, the API promises "
                        + expectedFormat.token(), line()));
            }
        }
        return violations;
    }

    @Override
    public String toString() {
        return caseId + " " + line();
    }
}
