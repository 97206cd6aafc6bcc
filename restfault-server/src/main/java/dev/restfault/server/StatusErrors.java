package dev.restfault.server;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.HeaderValues;
import dev.restfault.core.i18n.ContractMessages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The errors that carry only a status: what a server answers when something says "404" or "405"
 * and nothing more ({@code sendError}, a framework's "no handler", a container's own refusal).
 * Every adapter builds them here, so they read the same wherever they come from:
 *
 * <ul>
 *   <li>404: "No resource exists at this path." ({@link ContractMessages#NO_SUCH_RESOURCE});</li>
 *   <li>405: {@code Allow} with the methods the path serves (OPTIONS alone when none is known, as
 *       a client can always ask with it), and a description that names them
 *       ({@link ContractMessages#METHOD_NOT_ALLOWED});</li>
 *   <li>401: "Authentication is required..." ({@link ContractMessages#AUTHENTICATION_REQUIRED});
 *       the renderer adds the configured challenge;</li>
 *   <li>any other status: the catalog's default code and text.</li>
 * </ul>
 *
 * <p>An exception for a status alone is built once and shared, and so is a 405 for each of the
 * first 64 sets of allowed methods: {@link ContractException} is immutable. Thread-safe.
 */
public final class StatusErrors {

    private static final String OPTIONS = "OPTIONS";
    private static final int FIRST = 400;
    /** Built on first use; a race builds an equal exception twice, which is harmless. */
    private static final ContractException[] BY_STATUS = new ContractException[200];
    /**
     * 405s by their {@code Allow}: a service has a few sets of methods, one per kind of route, and
     * answers each with the same exception. Bounded, as the sets come from the application (an
     * {@code Allow} it set on its response); past the bound, 405s are built each time.
     */
    private static final int MAX_CACHED_ALLOW_SETS = 64;
    private static final Map<List<String>, ContractException> BY_ALLOW = new ConcurrentHashMap<>();

    private StatusErrors() {
    }

    /**
     * The error for {@code status} alone; a 405 allows OPTIONS only (use
     * {@link #methodNotAllowed(Collection)} when the methods are known).
     *
     * @throws IllegalArgumentException if {@code status} is not within 400..599
     */
    public static ContractException of(int status) {
        if (!StatusCatalog.isError(status)) {
            throw new IllegalArgumentException("status must be within 400..599, got " + status);
        }
        ContractException cached = BY_STATUS[status - FIRST];
        if (cached == null) {
            cached = build(status);
            BY_STATUS[status - FIRST] = cached;
        }
        return cached;
    }

    private static ContractException build(int status) {
        switch (status) {
            case 404:
                return ContractException.builder(404).messageKey(ContractMessages.NO_SUCH_RESOURCE).build();
            case 401:
                return ContractException.builder(401).messageKey(ContractMessages.AUTHENTICATION_REQUIRED).build();
            case 405:
                return methodNotAllowed(List.of());
            default:
                return ContractException.builder(status).build();
        }
    }

    /**
     * 405 with {@code allowedMethods} in {@code Allow} and named in the description: upper-cased,
     * each once, in order; values that are not tokens are dropped; OPTIONS alone when none is left.
     *
     * @param allowedMethods the methods the path serves; null or empty when unknown
     */
    public static ContractException methodNotAllowed(Collection<String> allowedMethods) {
        if (allowedMethods instanceof List<?> given && !given.isEmpty()) {
            // Adapters pass the same normalized lists again and again. A list equal to a cached
            // one is already normalized (the keys are), so the lookup comes before normalizing.
            ContractException known = BY_ALLOW.get(given);
            if (known != null) {
                return known;
            }
        }
        List<String> allow = allow(allowedMethods);
        ContractException cached = BY_ALLOW.get(allow);
        if (cached == null) {
            cached = ContractException.builder(405).allow(allow)
                    .messageKey(ContractMessages.METHOD_NOT_ALLOWED, String.join(", ", allow)).build();
            if (BY_ALLOW.size() < MAX_CACHED_ALLOW_SETS) {
                BY_ALLOW.putIfAbsent(allow, cached);
            }
        }
        return cached;
    }

    /**
     * The {@code Allow} of a 405, for one that comes with a text of its own (an application's
     * {@code ResponseStatusException}, say): {@code allowedMethods} upper-cased, each once, in
     * order, values that are not tokens dropped; OPTIONS alone when none is left.
     *
     * @param allowedMethods the methods the path serves; null or empty when unknown
     * @return never empty
     */
    public static List<String> allow(Collection<String> allowedMethods) {
        List<String> allow = new ArrayList<>(allowedMethods == null ? 1 : allowedMethods.size());
        if (allowedMethods != null) {
            for (String m : allowedMethods) {
                String method = m == null ? "" : m.trim().toUpperCase(Locale.ROOT);
                if (HeaderValues.isToken(method) && !allow.contains(method)) {
                    allow.add(method);
                }
            }
        }
        if (allow.isEmpty()) {
            allow.add(OPTIONS);
        }
        return List.copyOf(allow);
    }

    /**
     * The answer to a method the server refuses to serve for a path (TRACE, which the servlet
     * layer would echo): 405 with the methods the path serves, or 404 when nothing serves the
     * path, as for any method on a path that does not exist.
     *
     * @param allowedMethods the methods the path serves; null or empty when nothing does
     */
    public static ContractException refusedMethod(Collection<String> allowedMethods) {
        return allowedMethods == null || allowedMethods.isEmpty() ? of(404) : methodNotAllowed(allowedMethods);
    }
}
