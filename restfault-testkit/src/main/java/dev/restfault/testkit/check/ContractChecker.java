package dev.restfault.testkit.check;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.http.MediaType;
import dev.restfault.core.http.RequestIds;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.json.BodyShape;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one response against the error contract and lists every violation, each with a stable
 * {@link Rule} id, a one-line explanation and the evidence.
 *
 * <p>What is checked:
 * <ul>
 *   <li>every response: {@code MS-CorrelationId} and {@code MS-RequestId} are GUIDs
 *       ({@link RequestIds}), the request's own when it sent valid ones;</li>
 *   <li>every error (4xx, 5xx): {@code Content-Type}, {@code Cache-Control: no-store},
 *       {@code X-Content-Type-Options: nosniff}; the headers the catalog's
 *       {@link StatusEntry#headers()} requires for the status, and the form of the challenge,
 *       {@code Allow}, {@code Retry-After} and {@code ETag} when present;</li>
 *   <li>the body as sent (not as a tolerant reader would normalize it): JSON, one of the three
 *       formats (as json's {@link BodyShape} decides, the reader's own rule), the format's
 *       required members and types, descriptions of at most 1024 UTF-16 code units,
 *       {@code innerError} spelling, a problem's {@code status}, 406's media types,
 *       {@code source} that is not a class name, no leaks anywhere in the body or in a
 *       header value;</li>
 *   <li>{@code Content-Language} when the text is localized: required when the request asked
 *       for a language or the description has non-ASCII letters, and consistent with the
 *       script of the description (Japanese text is not labelled {@code en-US}).</li>
 * </ul>
 * Deliberate leniencies: {@code application/json} without a charset parameter passes (RFC 8259
 * JSON is UTF-8 and defines no charset); {@code Retry-After} and {@code ETag} are "when known",
 * so only their form is checked; the body of a {@code HEAD} response is not inspected.
 *
 * <p>This class is the façade of the rule groups, each in its own class of this package: header
 * rules, the challenge grammar, the rules between {@code Accept}, media type and body, the
 * {@code Content-Language} rule and its script heuristic, the body and member rules, the leak
 * scanner.
 *
 * <p>Bad input: never throws for any response: an empty, binary, truncated, deeply nested or
 * oversized body is a violation, not an exception. Bodies over {@value #MAX_BODY_BYTES} bytes
 * are reported and only their first {@value #MAX_BODY_BYTES} bytes are scanned for leaks.
 * Immutable and thread-safe.
 */
public final class ContractChecker {

    /** The largest body inspected in full; an error body has no business being larger. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private static final ContractChecker STANDARD = new ContractChecker(Clock.systemUTC());

    private final Clock clock;

    private ContractChecker(Clock clock) {
        this.clock = clock;
    }

    /** The checker. */
    public static ContractChecker standard() {
        return STANDARD;
    }

    /** A checker that judges HTTP-date {@code Retry-After} values against {@code clock}. */
    public static ContractChecker withClock(Clock clock) {
        return new ContractChecker(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Every violation of {@code response}, headers first, then the body; empty when it conforms.
     *
     * @throws IllegalArgumentException if {@code response} is null
     */
    public List<Violation> check(ObservedResponse response) {
        if (response == null) {
            throw new IllegalArgumentException("response must not be null");
        }
        List<Violation> out = new ArrayList<>();
        HeaderRules.checkIds(response, out);
        if (!StatusCatalog.isError(response.status())) {
            return List.copyOf(out);
        }
        StatusEntry entry = StatusCatalog.entry(response.status());
        ResponseHeaders h = response.headers();
        MediaType media = HeaderRules.checkContentType(h, out);
        HeaderRules.checkCaching(h, out);
        HeaderRules.checkStatusHeaders(entry, h, clock.instant(), out);
        Set<Rule> leaks = EnumSet.noneOf(Rule.class);
        LeakScanner.scanHeaders(h, leaks, out::add);
        if ("HEAD".equals(response.requestMethod().orElse(null))) {
            return List.copyOf(out);
        }
        BodyFacts body = BodyRules.check(response.bodyUnsafe(), media, entry.status(), leaks, out);
        NegotiationRules.checkMediaTypeMatchesFormat(body, media, out);
        String accept = response.requestAccept().orElse(null);
        NegotiationRules.checkProblemPreferred(accept, media, out);
        NegotiationRules.checkListedTypesAreOthers(accept, body, out);
        LanguageRules.check(h, body, response.requestedLocale().orElse(null), out);
        return List.copyOf(out);
    }

    /** Shorthand for {@link #check(ObservedResponse)} without request facts. */
    public List<Violation> check(int status, ResponseHeaders headers, byte[] body) {
        return check(ObservedResponse.of(status, headers, body));
    }

    /**
     * The body rules alone, for a body seen without its response (status-specific rules such as
     * 406's media types and a problem's {@code status} are skipped).
     *
     * @param body null means empty
     */
    public List<Violation> checkBody(byte[] body) {
        List<Violation> out = new ArrayList<>();
        BodyRules.check(body == null ? new byte[0] : body, null, 0, EnumSet.noneOf(Rule.class), out);
        return List.copyOf(out);
    }

    /**
     * The contract format {@code body} is in, judged from its members by json's
     * {@link BodyShape}, as the checker and the reader judge it; empty when it is none of them
     * (another shape, not JSON, null, empty or over {@value #MAX_BODY_BYTES} bytes). Never throws.
     *
     * @param problemMediaType whether the response said {@code application/problem+json}, which
     *     makes an object that is no other format problem details
     */
    public Optional<ErrorFormat> detectFormat(byte[] body, boolean problemMediaType) {
        if (body == null || body.length == 0 || body.length > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        return BodyShape.of(body, problemMediaType).format();
    }
}
