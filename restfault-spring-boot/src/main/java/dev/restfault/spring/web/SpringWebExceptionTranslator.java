package dev.restfault.spring.web;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.HeaderValues;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.model.ModelLimits;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.server.ErrorRequest;
import dev.restfault.server.ExceptionTranslator;
import dev.restfault.server.StatusErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Translates spring-web's own failures into contract errors, with texts from restfault-core's
 * keys, for any Spring web stack (nothing here is servlet- or MVC-specific: a WebFlux adapter uses
 * it as it is). Spring's own exception messages are never used: they can echo request input.
 * {@link ErrorResponse}s the application raised itself ({@code ResponseStatusException},
 * {@code ErrorResponseException}) keep their status, headers and text. Exceptions annotated with
 * {@link ResponseStatus} get its status and its {@code reason} as the description. A 5xx keeps the
 * exception as its cause, so that it is logged. Nested texts ({@code data}) are written in the
 * request's negotiated language; a 405 that does not say which methods are allowed lists those
 * the adapter reports for the path ({@code RequestFacts.allowedMethods()}).
 */
public final class SpringWebExceptionTranslator implements ExceptionTranslator {

    /** Bean Validation's violation type, when it is on the class path (it is optional). */
    private static final Class<?> CONSTRAINT_VIOLATION = violationType();

    private final ContractMessages messages;
    private final ViolationDescriber violations;
    private final boolean validationDetails;

    /**
     * @param messages restfault's texts, for the errors about a parameter or header
     * @param violations describes validation errors in the error's language
     * @param validationDetails whether a validation failure lists each violation in {@code data}
     */
    public SpringWebExceptionTranslator(ContractMessages messages, ViolationDescriber violations, boolean validationDetails) {
        this.messages = messages;
        this.violations = violations;
        this.validationDetails = validationDetails;
    }

    private static Class<?> violationType() {
        ClassLoader loader = SpringWebExceptionTranslator.class.getClassLoader();
        String name = "jakarta.validation.ConstraintViolation";
        return org.springframework.util.ClassUtils.isPresent(name, loader)
                ? org.springframework.util.ClassUtils.resolveClassName(name, loader) : null;
    }

    @Override
    public Optional<ContractException> translate(Throwable failure, ErrorRequest request) {
        return Optional.ofNullable(map(failure, request));
    }

    private ContractException map(Throwable t, ErrorRequest request) {
        // Spring MVC's wrong method, 406 and 415, missing parameter, header and part are servlet
        // exceptions (their superclass is ServletException): the servlet adapter translates them,
        // and this class never loads them, so that a WebFlux application needs no servlet API.
        if (t instanceof HttpMessageNotReadableException) {
            return RequestElementErrors.malformedBody();
        }
        if (t instanceof ConversionNotSupportedException) {
            // No converter for a parameter's type (MethodArgumentConversionNotSupportedException
            // included): the application's bug, not the client's: an unexpected 500, logged.
            return null;
        }
        if (t instanceof MethodArgumentTypeMismatchException) {
            return RequestElementErrors.invalidParameter(messages, request, ((MethodArgumentTypeMismatchException) t).getName());
        }
        if (t instanceof TypeMismatchException && ((TypeMismatchException) t).getPropertyName() != null) {
            return RequestElementErrors.invalidParameter(messages, request, ((TypeMismatchException) t).getPropertyName());
        }
        if (t instanceof BindingResult) {
            // Spring MVC's BindException (MethodArgumentNotValidException included) and WebFlux's
            // WebExchangeBindException are each their own binding result.
            return validation(bindingEntries((BindingResult) t, request));
        }
        if (t instanceof HandlerMethodValidationException) {
            return validation(methodValidationEntries((HandlerMethodValidationException) t, request));
        }
        if (t instanceof MaxUploadSizeExceededException) {
            return ContractException.builder(413).build();
        }
        if (t instanceof MultipartException) {
            return RequestElementErrors.malformedBody();
        }
        if (t instanceof AsyncRequestTimeoutException) {
            return ContractException.serviceUnavailable(null);
        }
        if (t instanceof ErrorResponse) {
            return errorResponse((ErrorResponse) t, request);
        }
        return annotated(t, request);
    }

    /**
     * An exception annotated with {@link ResponseStatus} (directly, on a superclass or as a
     * meta-annotation): its status if 4xx or 5xx, its {@code reason} as the description, as
     * Spring's {@code ResponseStatusExceptionResolver} would answer it. The reason is the
     * application's text (like a {@code ResponseStatusException}'s); the exception's message is not.
     */
    private ContractException annotated(Throwable t, ErrorRequest request) {
        ResponseStatus annotation = AnnotatedElementUtils.findMergedAnnotation(t.getClass(), ResponseStatus.class);
        if (annotation == null) {
            return null;
        }
        int status = annotation.code().value();
        if (status < 400 || status > 599) {
            return null; // not an error; let Spring handle it
        }
        ContractException.Builder b = ContractException.builder(status);
        if (status == 405) {
            b.allow(StatusErrors.allow(HttpMethods.withImplicit(allowed(request))));
        }
        if (!annotation.reason().isBlank()) {
            b.description(annotation.reason());
        }
        if (status >= 500) {
            b.cause(t);
        }
        return b.build();
    }

    private ContractException errorResponse(ErrorResponse e, ErrorRequest request) {
        int status = e.getStatusCode().value();
        if (status < 400 || status > 599) {
            return null; // not an error; let Spring handle it
        }
        ContractException.Builder b = ContractException.builder(status);
        if (status >= 500) {
            b.cause((Throwable) e); // a server-side failure: the renderer logs it and its cause
        }
        String detail = e.getBody().getDetail();
        if (detail != null && !detail.isBlank() && isApplicationText(e)) {
            b.description(detail);
        }
        HttpHeaders headers = e.getHeaders();
        List<String> allow = new ArrayList<>();
        for (String name : headers.headerNames()) {
            List<String> values = headers.get(name);
            if (values == null || values.isEmpty() || !HeaderValues.isToken(name)) {
                continue;
            }
            if (name.equalsIgnoreCase(HeaderNames.ALLOW)) {
                values.forEach(v -> allow.addAll(List.of(v.split("\\s*,\\s*"))));
                continue;
            }
            String value = String.join(", ", values);
            if (!HeaderValues.isSafe(value)) {
                continue; // never pass a value with CR, LF or other controls through
            }
            if (name.equalsIgnoreCase(HeaderNames.ETAG)) {
                try {
                    b.entityTag(value);
                } catch (IllegalArgumentException notAnEntityTag) {
                    // dropped: an invalid ETag is worse than none
                }
            } else {
                b.header(name, value);
            }
        }
        allow.removeIf(String::isBlank);
        if (status == 405) {
            b.allow(StatusErrors.allow(HttpMethods.withImplicit(allow.isEmpty() ? allowed(request) : allow)));
        }
        return b.build();
    }

    /** What the adapter reports the path serves. */
    private static List<String> allowed(ErrorRequest request) {
        return List.copyOf(request.facts().allowedMethods());
    }

    /**
     * Whether the detail of {@code e} was written by the application: the two exception types an
     * application raises with its own text, or its own subclasses. Spring's own subclasses build
     * details from request input ("No static resource x."), so they get the catalog's text.
     */
    private static boolean isApplicationText(ErrorResponse e) {
        Class<?> type = e.getClass();
        return type == org.springframework.web.server.ResponseStatusException.class
                || type == org.springframework.web.ErrorResponseException.class
                || !type.getName().startsWith("org.springframework.");
    }

    private ContractException validation(List<Violation> entries) {
        ContractException.Builder b = ContractException.builder(400)
                .messageKey(ContractMessages.VALIDATION_FAILED, entries.size());
        if (validationDetails) {
            for (Violation v : entries.subList(0, Math.min(entries.size(), ModelLimits.MAX_ENTRIES))) {
                b.addData(PartnerCenterError.builder().code(v.code).description(v.description).source(v.source).build());
            }
        }
        return b.build();
    }

    private List<Violation> bindingEntries(BindingResult result, ErrorRequest request) {
        List<Violation> out = new ArrayList<>();
        Locale locale = request.locale();
        for (ObjectError error : result.getAllErrors()) {
            String source = error instanceof FieldError ? ((FieldError) error).getField() : error.getObjectName();
            out.add(new Violation(code(error), violations.describe(error, locale, source), source));
        }
        return out;
    }

    private List<Violation> methodValidationEntries(HandlerMethodValidationException e, ErrorRequest request) {
        List<Violation> out = new ArrayList<>();
        Locale locale = request.locale();
        for (ParameterValidationResult r : e.getParameterValidationResults()) {
            String name = RequestElementErrors.parameterName(r.getMethodParameter());
            if (r instanceof ParameterErrors) {
                for (ObjectError error : ((ParameterErrors) r).getAllErrors()) {
                    String source = error instanceof FieldError ? name + "." + ((FieldError) error).getField() : name;
                    out.add(new Violation(code(error), violations.describe(error, locale, source), source));
                }
            } else {
                for (MessageSourceResolvable error : r.getResolvableErrors()) {
                    Object violation = violationOf(r, error);
                    out.add(new Violation(code(error), violations.describe(error, violation, false, locale, name), name));
                }
            }
        }
        for (MessageSourceResolvable error : e.getCrossParameterValidationResults()) {
            // Cross-parameter results come from Bean Validation only: their text is a constraint's.
            out.add(new Violation(code(error), violations.describe(error, null, true, locale, ""), ""));
        }
        return out;
    }

    /** The Bean Validation violation behind a parameter's error, when Spring can tell; else null. */
    private static Object violationOf(ParameterValidationResult result, MessageSourceResolvable error) {
        if (CONSTRAINT_VIOLATION == null) {
            return null;
        }
        try {
            // Spring's method validation unwraps to exactly ConstraintViolation, nothing wider.
            return result.unwrap(error, CONSTRAINT_VIOLATION);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /** The constraint's name as a camelCase code: "NotBlank" becomes "notBlank". */
    private static String code(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        String c = codes != null && codes.length > 0 ? codes[codes.length - 1] : "invalidValue";
        if (c == null || c.isBlank()) {
            return "invalidValue";
        }
        return Character.toLowerCase(c.charAt(0)) + c.substring(1);
    }

    private static final class Violation {
        final String code;
        final String description;
        final String source;

        Violation(String code, String description, String source) {
            this.code = code;
            this.description = description;
            this.source = source;
        }
    }
}
