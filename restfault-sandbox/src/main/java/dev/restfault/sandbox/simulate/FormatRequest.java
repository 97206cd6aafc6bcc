package dev.restfault.sandbox.simulate;

import dev.restfault.core.http.HeaderNames;
import dev.restfault.sandbox.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * A request as the starter must see it to pick the format a simulation asked for with
 * {@code format=}: the starter chooses the format by path prefix ({@code /partner} is the
 * Partner API) and by {@code Accept} (problem details), so this view moves the path to the
 * right prefix or prefers {@code application/problem+json}. Everything else is the request.
 */
final class FormatRequest extends HttpServletRequestWrapper {

    /** The formats {@code format=} names. */
    enum Format {
        PARTNER_CENTER, PARTNER_API, PROBLEM;

        static Format parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private static final String PROBLEM_JSON = "application/problem+json";

    private final Format format;
    private final String uri;

    FormatRequest(HttpServletRequest request, Format format) {
        super(request);
        this.format = format;
        String path = request.getRequestURI();
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        String local = path.substring(Math.min(context.length(), path.length()));
        String withoutPartner = local.startsWith(ApiPaths.PARTNER_API + "/") ? local.substring("/partner".length()) : local;
        this.uri = context + (format == Format.PARTNER_API ? "/partner" + withoutPartner : withoutPartner);
    }

    @Override
    public String getRequestURI() {
        return uri;
    }

    @Override
    public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer();
        url.append(getScheme()).append("://").append(getServerName()).append(':').append(getServerPort()).append(uri);
        return url;
    }

    @Override
    public String getHeader(String name) {
        if (format == Format.PROBLEM && HeaderNames.ACCEPT.equalsIgnoreCase(name)) {
            return PROBLEM_JSON;
        }
        if (format != Format.PROBLEM && HeaderNames.ACCEPT.equalsIgnoreCase(name)) {
            return "application/json";
        }
        return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (HeaderNames.ACCEPT.equalsIgnoreCase(name)) {
            return Collections.enumeration(java.util.List.of(getHeader(name)));
        }
        return super.getHeaders(name);
    }
}
