package dev.restfault.client;

import dev.restfault.core.catalog.ErrorCategory;
import dev.restfault.core.catalog.RetryRule;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.DecodedError;
import dev.restfault.json.ErrorBodyException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with a 4xx or 5xx status, whatever the body: one of the contract's three
 * formats, the gateway's throttling body, HTML, text, truncated or malformed JSON, or nothing.
 *
 * <p>One final class with a {@link #category()} rather than a subclass per category: the
 * categories come from the {@link dev.restfault.core.catalog.StatusCatalog catalog} (data, not
 * types), unknown statuses still get one, and what callers branch on in practice is a
 * {@code switch} on the category or the {@link #code()} within a single {@code catch}:
 *
 * <pre>{@code
 * } catch (ContractErrorException e) {
 *     switch (e.category()) {
 *         case NOT_FOUND: return Optional.empty();
 *         case TOO_MANY_REQUESTS: scheduleLater(e.retryAfter().orElse(Duration.ofSeconds(30))); break;
 *         case CONFLICT: if (e.code().equals("domainTaken")) { ... } break;
 *         default: throw e;
 *     }
 * }
 * }</pre>
 *
 * <p>What it carries: the status and its catalog {@link #entry()}; the error {@link #code()}
 * (the body's, else the status's default), {@link #description()}, {@link #data()} (or the
 * Partner API's {@code details}), {@link #source()} (or {@code target}), the
 * {@link #innerError() deepest inner error}; the {@link #body() raw body} capped, as bytes and
 * charset-aware text; {@link #retryAfter() Retry-After}; the parsed
 * {@link #challenge() WWW-Authenticate challenge}; the {@code MS-RequestId} and
 * {@code MS-CorrelationId} (the server's echo when valid, else those sent);
 * {@link #contentLanguage() Content-Language}; the response {@link #headers()}; and the request
 * method and URI. When the body could not be understood, {@link #bodyFailure()} says why and
 * the status alone still gives category, default code and retry rule.
 *
 * <p>Created by {@link ErrorDecoder}; immutable.
 */
public final class ContractErrorException extends RestfaultException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient StatusEntry entry;
    // java.net.http's headers as received, or built on first use from the snapshot another
    // transport's headers were copied into while decoding.
    private transient volatile HttpHeaders headers;
    private final transient Map<String, List<String>> headerSnapshot;
    private final transient RawBody body;
    private final transient DecodedError decoded;
    private final ErrorBodyException.Reason bodyFailure;
    private final transient HeaderFacts facts;

    ContractErrorException(StatusEntry entry, HttpHeaders headers, Map<String, List<String>> headerSnapshot, RawBody body,
            DecodedError decoded, ErrorBodyException.Reason bodyFailure, HeaderFacts facts, RequestContext request) {
        // The message is composed on demand (detail()): decoding stays cheap when nobody logs it.
        super(null, null, request);
        this.status = entry.status();
        this.entry = entry;
        this.headers = headers;
        this.headerSnapshot = headerSnapshot;
        this.body = body;
        this.decoded = decoded;
        this.bodyFailure = bodyFailure;
        this.facts = facts;
    }

    @Override
    String detail() {
        if (entry == null) {
            // Deserialized: the transient model is gone; the status is all that is left.
            return "HTTP " + status;
        }
        StringBuilder sb = new StringBuilder(160);
        sb.append("HTTP ").append(entry.status()).append(' ').append(entry.reasonPhrase());
        if (decoded != null) {
            sb.append(", code ").append(Safe.oneLine(decoded.code().orElse(entry.defaultCode()), 100));
            decoded.description().ifPresent(d -> sb.append(": ").append(Safe.oneLine(d, Safe.MAX_MESSAGE_TEXT)));
            decoded.innerError().map(InnerError::deepest).flatMap(InnerError::code)
                    .ifPresent(c -> sb.append(" (inner error ").append(Safe.oneLine(c, 100)).append(')'));
        } else {
            sb.append(", code ").append(entry.defaultCode()).append(": ");
            sb.append(bodyFailure == ErrorBodyException.Reason.EMPTY ? "no body"
                    : "body not understood (" + bodyFailure + ", " + body + ")");
        }
        retryAfter().ifPresent(d -> sb.append("; retry after ").append(Safe.duration(d)));
        if (retryAfterBeyondMax()) {
            sb.append("; retry after more than a day");
        }
        for (AuthChallenge c : challenges()) {
            sb.append("; challenge ").append(Safe.oneLine(c.scheme(), 40));
            c.cid().ifPresent(cid -> sb.append(" cid ").append(Safe.oneLine(cid, 100)));
            break;
        }
        return sb.toString();
    }

    /** The HTTP status, 400..599. */
    public int status() {
        return status;
    }

    /** The catalog's entry for the status (an entry built from the class for unknown ones). */
    public StatusEntry entry() {
        return entry;
    }

    /**
     * The status's category from the catalog. A body that could not be understood does not
     * change it: see {@link #bodyFailure()} (the client-side {@link ErrorCategory#RESPONSE_PARSING}
     * is reported there, alongside).
     */
    public ErrorCategory category() {
        return entry.category();
    }

    /** The status's rule from the catalog: {@code entry().retryRule()}. */
    @Override
    public RetryRule retryRule() {
        return entry.retryRule();
    }

    /**
     * The error code: the body's {@code code} (a number's text as written, {@code "1002"}), else
     * the status's default code ({@code "tooManyRequests"}). Never null or empty.
     */
    public String code() {
        return decoded == null ? entry.defaultCode() : decoded.code().orElse(entry.defaultCode());
    }

    /** Whether {@link #code()} came from the body rather than the catalog. */
    public boolean codeFromBody() {
        return decoded != null && decoded.code().isPresent();
    }

    /**
     * The body's text: {@code description}, {@code message}, a problem's {@code detail} or
     * {@code title}, or the throttling body's {@code message}. Empty when the body had none or was
     * not understood. Peer-supplied: escape it before showing it.
     */
    public Optional<String> description() {
        return decoded == null ? Optional.empty() : decoded.description();
    }

    /** The body's {@code source} or {@code target}. */
    public Optional<String> source() {
        return decoded == null ? Optional.empty() : decoded.source();
    }

    /** The body's {@code data} or {@code details}, as Partner Center errors; empty, never null. */
    public List<PartnerCenterError> data() {
        return decoded == null ? List.of() : decoded.data();
    }

    /** The deepest {@code innerError} of a Partner API body: the most specific reason. */
    public Optional<InnerError> innerError() {
        return decoded == null ? Optional.empty() : decoded.innerError().map(InnerError::deepest);
    }

    /** Everything the reader understood of the body, with its typed views; empty if nothing. */
    public Optional<DecodedError> error() {
        return Optional.ofNullable(decoded);
    }

    /**
     * Why the body was not understood ({@code EMPTY}, {@code NOT_JSON}, {@code TRUNCATED}...);
     * empty when it was decoded.
     */
    public Optional<ErrorBodyException.Reason> bodyFailure() {
        return Optional.ofNullable(bodyFailure);
    }

    /**
     * The error as one normalized Partner Center error, filling what the body lacked from the
     * catalog (default code, the status's description in {@code locale}).
     *
     * A body that names no source gets the host that answered, which is the component that
     * produced the error as far as the client can tell ({@code "unknown"} without a host).
     *
     * @param locale language of a default description; null means en-US
     * @return never null; the catalog's default code and description if the body's members
     *     cannot form a valid Partner Center error
     */
    public PartnerCenterError toPartnerCenter(Locale locale) {
        String host = request().uri().getHost();
        String fallbackSource = host == null || host.isBlank() ? "unknown" : host;
        if (decoded != null) {
            try {
                return decoded.toPartnerCenter(entry, locale, fallbackSource);
            } catch (IllegalArgumentException beyondModelBounds) {
                // The reader bounds what it keeps; should a member still break a model bound, the
                // catalog's view below is the honest fallback, not an exception from a getter.
            }
        }
        return PartnerCenterError.of(entry.defaultCode(), entry.description(locale == null ? Locale.US : locale),
                fallbackSource);
    }

    /** The raw body, capped; empty (never null) when there was none. */
    public RawBody body() {
        return body;
    }

    /**
     * The response headers, as received, whichever HTTP library received them (as
     * {@code java.net.http}'s immutable, case-insensitive type). Empty after deserialization.
     */
    public HttpHeaders headers() {
        HttpHeaders h = headers;
        if (h == null) {
            // Built at most a few times under a race, always to equal values: no lock needed.
            h = HttpHeaders.of(headerSnapshot == null ? Map.of() : headerSnapshot, (name, value) -> true);
            headers = h;
        }
        return h;
    }

    /**
     * The delay the server asked for with {@code retry-after-ms}, {@code x-ms-retry-after-ms} or
     * {@code Retry-After} (seconds or HTTP-date), as read by the core's {@code RetryAfter}:
     * malformed, negative or absurd (over a day) values are ignored, not trusted.
     */
    @Override
    public Optional<Duration> retryAfter() {
        return facts == null ? Optional.empty() : facts.retryAfter();
    }

    @Override
    public boolean retryAfterBeyondMax() {
        return facts != null && facts.retryAfter().isEmpty() && facts.retryAfterBeyondMax();
    }

    /**
     * The {@code WWW-Authenticate} challenge to act on: the first whose realm names a cid
     * ({@code urn:cpsvc:cpid:…}), else the first {@code OAuth} one, else the first. Empty when
     * the header is absent or malformed.
     */
    public Optional<AuthChallenge> challenge() {
        List<AuthChallenge> all = challenges();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every parsed challenge, the preferred one first; empty when none. */
    public List<AuthChallenge> challenges() {
        return facts == null ? List.of() : facts.challenges();
    }

    /** The server's {@code MS-RequestId} when it sent a valid GUID, else the one sent. */
    @Override
    public Optional<String> requestId() {
        Optional<String> echoed = facts == null ? Optional.empty() : facts.requestId();
        return echoed.isPresent() ? echoed : super.requestId();
    }

    /** The server's {@code MS-CorrelationId} when it sent a valid GUID, else the one sent. */
    @Override
    public Optional<String> correlationId() {
        Optional<String> echoed = facts == null ? Optional.empty() : facts.correlationId();
        return echoed.isPresent() ? echoed : super.correlationId();
    }

    /** The language of {@link #description()}, from {@code Content-Language} (its first tag). */
    public Optional<Locale> contentLanguage() {
        return facts == null ? Optional.empty() : facts.contentLanguage();
    }
}
