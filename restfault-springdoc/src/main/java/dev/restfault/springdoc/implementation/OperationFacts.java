package dev.restfault.springdoc.implementation;

import dev.restfault.springdoc.OperationSecurity;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What restfault needs to know of one operation to tell which errors it can answer, independent
 * of the web framework: Spring MVC's handler mappings fill it in ({@link WebMvcOperations}), and a
 * WebFlux adapter would fill it in from its own. Immutable.
 *
 * @param path the path template, as in the document ({@code /v1/customers/{id}})
 * @param method the HTTP method, upper case
 * @param pathVariables whether the path has variables: an unknown value is a 404
 * @param readsBody whether the operation takes a request body: a malformed one is a 400, an
 *     unsupported media type a 415
 * @param consumes the media types the body may have (empty: whatever the converters read)
 * @param bindsParameters whether a parameter is converted, validated or required: a bad or
 *     missing one is a 400
 * @param produces the media types the operation answers with, when it declares them or returns a
 *     body (then an unacceptable {@code Accept} is a 406); empty when it answers no body
 * @param allowedMethods the methods the path serves (HEAD and OPTIONS included where Spring MVC
 *     serves them), for the {@code Allow} of the 405 that any other method gets; empty when
 *     unknown (then no 405 is documented)
 * @param security what the security in front of the operation answers
 * @param declared the errors the application declares it throws ({@code @ContractError})
 * @param undocumented whether the operation opted out ({@code @UndocumentedErrors})
 * @param anyFormat whether the operation picks its error format per request ({@code @AnyErrorFormat})
 */
public record OperationFacts(String path, String method, boolean pathVariables, boolean readsBody, List<String> consumes,
        boolean bindsParameters, List<String> produces, List<String> allowedMethods, OperationSecurity security,
        List<DeclaredError> declared, boolean undocumented, boolean anyFormat) {

    /** @throws NullPointerException if a reference argument is null */
    public OperationFacts {
        Objects.requireNonNull(path, "path");
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        consumes = List.copyOf(consumes);
        produces = List.copyOf(produces);
        allowedMethods = List.copyOf(allowedMethods);
        Objects.requireNonNull(security, "security");
        declared = List.copyOf(declared);
    }

    /**
     * An error the application declares: a status (400..599, or 4 / 5 for any in the class), its
     * codes (empty: the status's default) and when it happens (empty: unsaid).
     */
    public record DeclaredError(int status, List<String> codes, String when) {
        /** @throws IllegalArgumentException if the status or a code is not valid */
        public DeclaredError {
            if (!(status >= 400 && status <= 599) && status != 4 && status != 5) {
                throw new IllegalArgumentException("status must be 400..599, 4 (any 4xx) or 5 (any 5xx), was " + status);
            }
            codes = List.copyOf(codes);
            for (String c : codes) {
                if (c == null || c.isBlank()) {
                    throw new IllegalArgumentException("codes must not be blank");
                }
            }
            when = when == null ? "" : when.strip();
        }

        /** The response key in the document: the status, or {@code 4XX} / {@code 5XX}. */
        public String key() {
            return status < 10 ? status + "XX" : Integer.toString(status);
        }
    }
}
