package dev.restfault.core.catalog;

import static dev.restfault.core.catalog.ErrorCategory.*;
import static dev.restfault.core.catalog.RetryRule.*;

import dev.restfault.core.http.HeaderNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one catalog of error statuses: the fourteen the seed documents list, the ones the Partner
 * API variant and real deployments add (408, 410, 411, 413, 415, 416, 417, 422, 423, 507, 509),
 * 431 (which servlet containers such as Jetty send for oversized headers before any application
 * code runs), and a sensible entry for any other 4xx or 5xx.
 *
 * <p>Every module asks this class; none keeps its own table. Lookups never return null.
 */
public final class StatusCatalog {

    private static final Map<Integer, StatusEntry> ENTRIES;
    /** Entries by {@code status - 400}: the lookup on every error is an array read. */
    private static final StatusEntry[] BY_STATUS = new StatusEntry[200];

    static {
        Map<Integer, StatusEntry> m = new TreeMap<>();
        List<HeaderRule> none = List.of();
        seed(m, 400, "Bad request", "badRequest", BAD_INPUT, NEVER, none);
        seed(m, 401, "Unauthorized", "unauthorized", UNAUTHORIZED, NEVER,
                List.of(HeaderRule.always(HeaderNames.WWW_AUTHENTICATE)));
        seed(m, 403, "Forbidden", "forbidden", FORBIDDEN, NEVER, none);
        seed(m, 404, "Not found", "notFound", NOT_FOUND, NEVER, none);
        seed(m, 405, "Method not allowed", "methodNotAllowed", INVALID_OPERATION, NEVER,
                List.of(HeaderRule.always(HeaderNames.ALLOW)));
        seed(m, 406, "Not acceptable", "notAcceptable", UNSUPPORTED_DATA_FORMAT, NEVER, none);
        seed(m, 409, "Conflict", "conflict", CONFLICT, NEVER, none);
        seed(m, 412, "Precondition failed", "preconditionFailed", PRECONDITION_FAILED, NEVER,
                List.of(HeaderRule.whenKnown(HeaderNames.ETAG)));
        seed(m, 429, "Too many requests", "tooManyRequests", TOO_MANY_REQUESTS, AFTER_DELAY,
                List.of(HeaderRule.whenKnown(HeaderNames.RETRY_AFTER)));
        seed(m, 500, "Internal server error", "internalServerError", SERVER_ERROR, IF_IDEMPOTENT, none);
        seed(m, 501, "Not implemented", "notImplemented", NOT_IMPLEMENTED, NEVER, none);
        seed(m, 502, "Bad gateway", "badGateway", BAD_GATEWAY, IF_IDEMPOTENT, none);
        seed(m, 503, "Service unavailable", "serviceUnavailable", SERVER_BUSY, IF_RETRY_AFTER_OR_IDEMPOTENT,
                List.of(HeaderRule.whenKnown(HeaderNames.RETRY_AFTER)));
        seed(m, 504, "Gateway timeout", "gatewayTimeout", GATEWAY_TIMEOUT, IF_RETRY_AFTER_OR_IDEMPOTENT, none);

        extra(m, 408, "Request timeout", "requestTimeout", REQUEST_TIMEOUT, IF_IDEMPOTENT, none);
        extra(m, 410, "Gone", "gone", NOT_FOUND, NEVER, none);
        extra(m, 411, "Length required", "lengthRequired", BAD_INPUT, NEVER, none);
        extra(m, 413, "Content too large", "contentTooLarge", BAD_INPUT, NEVER, none);
        extra(m, 415, "Unsupported media type", "unsupportedMediaType", UNSUPPORTED_DATA_FORMAT, NEVER, none);
        extra(m, 416, "Range not satisfiable", "rangeNotSatisfiable", BAD_INPUT, NEVER, none);
        extra(m, 417, "Expectation failed", "expectationFailed", BAD_INPUT, NEVER, none);
        extra(m, 422, "Unprocessable content", "unprocessableContent", BAD_INPUT, NEVER, none);
        extra(m, 423, "Locked", "locked", CONFLICT, NEVER, none);
        extra(m, 431, "Request header fields too large", "requestHeaderFieldsTooLarge", BAD_INPUT, NEVER, none);
        extra(m, 507, "Insufficient storage", "insufficientStorage", SERVER_ERROR, NEVER, none);
        extra(m, 509, "Bandwidth limit exceeded", "bandwidthLimitExceeded", SERVER_BUSY,
                IF_RETRY_AFTER_OR_IDEMPOTENT, List.of(HeaderRule.whenKnown(HeaderNames.RETRY_AFTER)));
        ENTRIES = Collections.unmodifiableMap(m);
        for (int status = 400; status <= 599; status++) {
            BY_STATUS[status - 400] = m.containsKey(status) ? m.get(status) : classEntry(status);
        }
    }

    private StatusCatalog() {
    }

    private static void seed(Map<Integer, StatusEntry> m, int status, String phrase, String code,
            ErrorCategory category, RetryRule rule, List<HeaderRule> headers) {
        put(m, true, status, phrase, code, category, rule, headers);
    }

    private static void extra(Map<Integer, StatusEntry> m, int status, String phrase, String code,
            ErrorCategory category, RetryRule rule, List<HeaderRule> headers) {
        put(m, false, status, phrase, code, category, rule, headers);
    }

    private static void put(Map<Integer, StatusEntry> m, boolean seed, int status, String phrase, String code,
            ErrorCategory category, RetryRule rule, List<HeaderRule> headers) {
        m.put(status, new StatusEntry(status, phrase, code, category, rule, headers, seed, true, "status." + status));
    }

    /**
     * The entry for {@code status}. A 4xx or 5xx the catalog does not know by number gets an entry
     * built from its class: "Client error" ({@link ErrorCategory#BAD_INPUT}, never retried) or
     * "Server error" ({@link ErrorCategory#SERVER_ERROR}, retried if idempotent), with
     * {@link StatusEntry#isKnown()} false.
     *
     * @throws IllegalArgumentException if {@code status} is not within 400..599: it is not an error
     */
    public static StatusEntry entry(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status " + status + " is not an error status (400..599)");
        }
        return BY_STATUS[status - 400];
    }

    private static StatusEntry classEntry(int status) {
        if (status <= 499) {
            return new StatusEntry(status, "Client error", "clientError", BAD_INPUT, NEVER,
                    List.of(), false, false, "status.4xx");
        }
        return new StatusEntry(status, "Server error", "serverError", SERVER_ERROR, IF_IDEMPOTENT,
                List.of(), false, false, "status.5xx");
    }

    /** Whether {@code status} is within 400..599. */
    public static boolean isError(int status) {
        return status >= 400 && status <= 599;
    }

    /** Every entry the catalog knows by number, in status order. */
    public static List<StatusEntry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /** The fourteen statuses of the seed documents, in status order. */
    public static List<StatusEntry> seedEntries() {
        List<StatusEntry> seed = new ArrayList<>();
        for (StatusEntry e : ENTRIES.values()) {
            if (e.isSeedStatus()) {
                seed.add(e);
            }
        }
        return List.copyOf(seed);
    }

    /** The entry whose default code is {@code code} (case-sensitive), if any. */
    public static java.util.Optional<StatusEntry> byDefaultCode(String code) {
        for (StatusEntry e : ENTRIES.values()) {
            if (e.defaultCode().equals(code)) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }
}
