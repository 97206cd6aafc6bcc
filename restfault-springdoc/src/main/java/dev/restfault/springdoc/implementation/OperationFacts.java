package dev.restfault.springdoc.implementation;

import dev.restfault.springdoc.OperationSecurity;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What restfault needs to know of one operation to tell which errors it can answer, independent
 * of the web stack: Spring MVC's and WebFlux's handler mappings fill it in
 * ({@link OperationIndex}), with what each handler method tells ({@link HandlerFacts}). Immutable.
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
 * @param allowedMethods the methods the path's mappings serve, which the stack's 405 reports for
 *     any other method (its adapter adds what the stack serves implicitly, HEAD and OPTIONS, to
 *     {@code Allow}); empty when they are unknown: then no 405 is documented
 * @param security what the security in front of the operation answers
 * @param declared the errors the application declares it throws ({@code @ContractError})
 * @param undocumented whether the operation opted out ({@code @UndocumentedErrors})
 * @param anyFormat whether the operation picks its error format per request ({@code @AnyErrorFormat})
 * @param parameters the parameters whose binding can fail, in declaration order, when the analysis
 *     can name them (the 400's example is the first one's failure); may be empty even when
 *     {@code bindsParameters}
 */
public record OperationFacts(String path, String method, boolean pathVariables, boolean readsBody, List<String> consumes,
        boolean bindsParameters, List<String> produces, List<String> allowedMethods, OperationSecurity security,
        List<DeclaredError> declared, boolean undocumented, boolean anyFormat, List<BoundParameter> parameters) {

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

    /** @throws NullPointerException if a reference argument is null */
    public OperationFacts {
        Objects.requireNonNull(path, "path");
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        consumes = List.copyOf(consumes);
        produces = List.copyOf(produces);
        allowedMethods = List.copyOf(allowedMethods);
        Objects.requireNonNull(security, "security");
        declared = List.copyOf(declared);
        parameters = List.copyOf(parameters);
    }

    /** Facts whose failing parameters are not named. */
    public OperationFacts(String path, String method, boolean pathVariables, boolean readsBody, List<String> consumes,
            boolean bindsParameters, List<String> produces, List<String> allowedMethods, OperationSecurity security,
            List<DeclaredError> declared, boolean undocumented, boolean anyFormat) {
        this(path, method, pathVariables, readsBody, consumes, bindsParameters, produces, allowedMethods, security, declared,
                undocumented, anyFormat, List.of());
    }

    /**
     * A path the template matches: each variable replaced by a plain value, each wildcard by one
     * segment ({@code /v1/customers/{id}} gives {@code /v1/customers/x}). What the renderer and
     * the security are asked about.
     */
    public static String concrete(String template) {
        return VARIABLE.matcher(template).replaceAll("x").replace("**", "x").replace("*", "x");
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
