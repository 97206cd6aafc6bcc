package dev.restfault.springdoc.implementation;

import java.util.Collection;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * The failures a web stack raises by itself, before or around the application's code, as its
 * restfault adapter receives them: the document asks the service's {@code ErrorRenderer} what each
 * becomes ({@code ErrorRenderer.translate}), so a 405, 406, 415 or 400 is documented exactly as that
 * stack's translators answer it, and a stack whose adapter answers differently documents
 * differently with no rule written here. Each method returns a new exception, never thrown.
 */
public interface StackFailures {

    /** A request body that cannot be read (malformed JSON, say). */
    Throwable malformedBody();

    /** {@code parameter} missing when it is required, else with a value that cannot be converted. */
    Throwable badParameter(BoundParameter parameter);

    /**
     * {@code method} on a path that serves only {@code allowed}.
     *
     * @param allowed the methods the stack reports for the path
     */
    Throwable methodNotAllowed(String method, Collection<String> allowed);

    /** An {@code Accept} that allows none of {@code producible}. */
    Throwable notAcceptable(List<String> producible);

    /** A body of a media type that is none of {@code consumable}. */
    Throwable unsupportedMediaType(List<String> consumable);

    /** A media type a client could send that is none of {@code consumable}: what an unsupported body is said to have. */
    static MediaType unsupported(List<MediaType> consumable) {
        return consumable.contains(MediaType.TEXT_PLAIN) ? MediaType.APPLICATION_OCTET_STREAM : MediaType.TEXT_PLAIN;
    }
}
