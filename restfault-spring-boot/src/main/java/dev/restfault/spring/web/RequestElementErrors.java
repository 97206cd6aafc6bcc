package dev.restfault.spring.web;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.http.HeaderValues;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.server.ErrorRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The contract errors about one element of a request (a parameter, a header, the body, the media
 * types), as every Spring web stack answers them: Spring MVC and WebFlux raise different exception
 * types for the same mistake, and each adapter's translator builds its answer here, so that a
 * missing parameter reads the same on both.
 *
 * <p>Never echoes the client's value: a parameter is named (its {@code @RequestParam},
 * {@code @RequestHeader} or {@code @PathVariable} name), its value never is. Texts are restfault's,
 * in the request's negotiated language; nested texts ({@code data}) in the same language as the body.
 */
public final class RequestElementErrors {

    /** Key of the 400 description for a parameter whose value cannot be converted. */
    public static final String INVALID_PARAMETER = "error.invalidParameter";
    /** Key of the 400 description for a missing parameter. */
    public static final String MISSING_PARAMETER = "error.missingParameter";
    /** Key of the 400 description for a missing header. */
    public static final String MISSING_HEADER = "error.missingHeader";

    private RequestElementErrors() {
    }

    /** 400: the parameter {@code name} is missing; one {@code data} entry whose source names it. */
    public static ContractException missingParameter(ContractMessages messages, ErrorRequest request, String name) {
        return elementError(messages, request, MISSING_PARAMETER, "missingParameter", name);
    }

    /** 400: the header {@code name} is missing; one {@code data} entry whose source names it. */
    public static ContractException missingHeader(ContractMessages messages, ErrorRequest request, String name) {
        return elementError(messages, request, MISSING_HEADER, "missingHeader", name);
    }

    /** 400: the value of {@code name} is not valid (it cannot be converted); the value is never sent. */
    public static ContractException invalidParameter(ContractMessages messages, ErrorRequest request, String name) {
        return elementError(messages, request, INVALID_PARAMETER, "invalidValue", name);
    }

    /** 400: the body is malformed or unreadable; the parser's message is never sent. */
    public static ContractException malformedBody() {
        return ContractException.builder(400).messageKey(ContractMessages.MALFORMED_BODY).build();
    }

    /** 406 listing {@code supported} (application/json when none is usable), one {@code data} entry each. */
    public static ContractException notAcceptable(List<MediaType> supported) {
        List<String> types = mediaTypes(supported);
        return ContractException.notAcceptable(types.isEmpty() ? List.of(MediaType.APPLICATION_JSON_VALUE) : types);
    }

    /** 415 naming {@code supported} in its description and in {@code Accept}, where known. */
    public static ContractException unsupportedMediaType(List<MediaType> supported) {
        List<String> types = mediaTypes(supported);
        ContractException.Builder b = ContractException.builder(415);
        if (!types.isEmpty()) {
            b.messageKey(ContractMessages.UNSUPPORTED_MEDIA_TYPE, String.join(", ", types));
            b.header(HeaderNames.ACCEPT, String.join(", ", types));
        }
        return b.build();
    }

    /**
     * The name the client used for a handler method's parameter: its {@code @RequestParam},
     * {@code @RequestHeader} or {@code @PathVariable} name, else the parameter's own name, else
     * {@code arg<index>}.
     */
    public static String parameterName(MethodParameter p) {
        RequestParam rp = p.getParameterAnnotation(RequestParam.class);
        if (rp != null && !rp.name().isEmpty()) {
            return rp.name();
        }
        RequestHeader rh = p.getParameterAnnotation(RequestHeader.class);
        if (rh != null && !rh.name().isEmpty()) {
            return rh.name();
        }
        PathVariable pv = p.getParameterAnnotation(PathVariable.class);
        if (pv != null && !pv.name().isEmpty()) {
            return pv.name();
        }
        String name = p.getParameterName();
        return name != null ? name : "arg" + p.getParameterIndex();
    }

    /** A restfault text in {@code locale}, else the catalog's 400 text. */
    static String text(ContractMessages messages, String key, Locale locale, Object... args) {
        return messages.find(key, locale, args).orElseGet(() -> messages.statusDescription(400, locale));
    }

    private static ContractException elementError(ContractMessages messages, ErrorRequest request, String key, String code,
            String name) {
        // The locale is the renderer's negotiation (en-US for the Partner API format), so data
        // entries are in the same language as the top-level description.
        String safeName = name == null || name.isEmpty() ? "?" : name;
        String text = text(messages, key, request.locale(), safeName);
        return ContractException.builder(400).messageKey(key, safeName)
                .addData(PartnerCenterError.builder().code(code).description(text).source(safeName).build()).build();
    }

    /** The concrete media types among {@code types} that are safe in a header, each once. */
    private static List<String> mediaTypes(List<MediaType> types) {
        Set<String> out = new LinkedHashSet<>();
        if (types != null) {
            for (MediaType t : types) {
                String s = t.toString();
                if (HeaderValues.isSafe(s) && !t.isWildcardType()) {
                    out.add(s);
                }
            }
        }
        return new ArrayList<>(out);
    }
}
