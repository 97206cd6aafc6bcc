package dev.restfault.core.catalog;

import dev.restfault.core.implementation.BuiltInTexts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything the contract says about one error status: reason phrase, default error code,
 * category, retry rule, the headers it calls for, and its localized texts.
 *
 * <p>Entries come from {@link StatusCatalog}, the single source of truth; no other part of
 * restfault keeps a table of statuses. Immutable.
 */
public final class StatusEntry {

    private final int status;
    private final String reasonPhrase;
    private final String defaultCode;
    private final ErrorCategory category;
    private final RetryRule retryRule;
    private final List<HeaderRule> headers;
    private final boolean seedStatus;
    private final boolean known;
    // Built once: a server asks for them on every error it answers.
    private final String reasonPhraseKey;
    private final String descriptionKey;

    StatusEntry(int status, String reasonPhrase, String defaultCode, ErrorCategory category,
            RetryRule retryRule, List<HeaderRule> headers, boolean seedStatus, boolean known, String textKey) {
        this.status = status;
        this.reasonPhrase = reasonPhrase;
        this.defaultCode = defaultCode;
        this.category = category;
        this.retryRule = retryRule;
        this.headers = List.copyOf(headers);
        this.seedStatus = seedStatus;
        this.known = known;
        this.reasonPhraseKey = textKey + ".reason";
        this.descriptionKey = textKey + ".description";
    }

    /** The HTTP status, 400..599. */
    public int status() {
        return status;
    }

    /** The English reason phrase, exactly as the seed documents spell it ("Not found"). */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    /**
     * The reason phrase in {@code locale}'s language, falling back to en-US for languages the
     * catalog does not ship.
     */
    public String reasonPhrase(Locale locale) {
        return BuiltInTexts.get(reasonPhraseKey(), locale).orElse(reasonPhrase);
    }

    /** A default description for errors with this status, in {@code locale}'s language. */
    public String description(Locale locale) {
        return BuiltInTexts.get(descriptionKey(), locale).orElseThrow();
    }

    /**
     * The text key of the localized reason phrase ({@code status.404.reason}; {@code status.4xx.reason}
     * for a status the catalog does not know by number), by which an application can override it.
     */
    public String reasonPhraseKey() {
        return reasonPhraseKey;
    }

    /** The text key of the default description ({@code status.404.description}, {@code status.5xx.description}). */
    public String descriptionKey() {
        return descriptionKey;
    }

    /** The {@code code} used when the application gives none, such as {@code "notFound"}. */
    public String defaultCode() {
        return defaultCode;
    }

    public ErrorCategory category() {
        return category;
    }

    public RetryRule retryRule() {
        return retryRule;
    }

    /** Headers this status calls for; empty for most statuses. */
    public List<HeaderRule> headers() {
        return headers;
    }

    /** The rule for {@code headerName} (case-insensitive), if this status calls for it. */
    public Optional<HeaderRule> header(String headerName) {
        for (HeaderRule rule : headers) {
            if (rule.name().equalsIgnoreCase(headerName)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Whether this is one of the fourteen statuses the seed documents list. */
    public boolean isSeedStatus() {
        return seedStatus;
    }

    /**
     * Whether the catalog knows this status by number; false for an entry made up for an
     * unknown 4xx or 5xx from its class.
     */
    public boolean isKnown() {
        return known;
    }

    /** Whether the status is a 5xx. */
    public boolean isServerError() {
        return status >= 500;
    }

    @Override
    public String toString() {
        return status + " " + reasonPhrase;
    }
}
