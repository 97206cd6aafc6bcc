package dev.restfault.cli;

import dev.restfault.core.catalog.ErrorCategory;
import java.util.EnumMap;
import java.util.Map;

/**
 * The exit codes of every {@code restfault} command, fixed so scripts and CI can rely on them.
 *
 * <pre>
 *  0  success: conformant (check), a conforming error (decode), converted, a 1xx-3xx answer (call)
 *  1  contract violations found (check, decode), or an input that is not an error body (decode, convert)
 *  2  usage error, unreadable input, no answer from the server (connection refused, timeout...),
 *     or an answer that is not valid HTTP (call: a status outside 100..599)
 * 10+ call: the server answered 4xx/5xx; the code tells the error category (see {@link #forCategory})
 * </pre>
 *
 * The table printed by {@code restfault call --help} is kept in {@link CallCommand}'s annotation
 * (annotations need literal arrays); a test checks that it matches {@link #forCategory}.
 */
final class ExitCodes {

    static final int OK = 0;
    static final int VIOLATIONS = 1;
    static final int USAGE_OR_CONNECTION = 2;

    private static final Map<ErrorCategory, Integer> BY_CATEGORY = new EnumMap<>(ErrorCategory.class);

    static {
        for (ErrorCategory c : ErrorCategory.values()) {
            BY_CATEGORY.put(c, code(c));
        }
    }

    private ExitCodes() {
    }

    /** Spelled out rather than derived from ordinals, so reordering the enum changes nothing. */
    private static int code(ErrorCategory c) {
        switch (c) {
            case BAD_INPUT:
                return 10;
            case UNAUTHORIZED:
                return 11;
            case FORBIDDEN:
                return 12;
            case NOT_FOUND:
                return 13;
            case INVALID_OPERATION:
                return 14;
            case UNSUPPORTED_DATA_FORMAT:
                return 15;
            case CONFLICT:
                return 16;
            case PRECONDITION_FAILED:
                return 17;
            case TOO_MANY_REQUESTS:
                return 18;
            case SERVER_ERROR:
                return 19;
            case NOT_IMPLEMENTED:
                return 20;
            case BAD_GATEWAY:
                return 21;
            case SERVER_BUSY:
                return 22;
            case GATEWAY_TIMEOUT:
                return 23;
            case REQUEST_TIMEOUT:
                return 24;
            case RESPONSE_PARSING:
                return 25;
            default:
                // A category added to core later: still an error, never success.
                return 29;
        }
    }

    /** The exit code of {@code call} for an error in {@code category}. */
    static int forCategory(ErrorCategory category) {
        return BY_CATEGORY.get(category);
    }
}
