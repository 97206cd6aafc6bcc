package dev.restfault.springdoc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.restfault.core.catalog.HeaderRule;
import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.http.HeaderNames;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.json.ErrorSchemas;
import dev.restfault.springdoc.implementation.SchemaConversion;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The OpenAPI 3.1 components restfault's errors are documented with: the three error bodies as
 * schema components, derived from the JSON Schemas that restfault-json ships (one source of
 * truth; see {@link #schemas()}), and the headers of error responses as header components.
 *
 * <p>Schemas: {@value #PARTNER_CENTER} (with {@code PartnerCenterErrorEntry}, its {@code data}
 * entries), {@value #PARTNER_API} (with {@code PartnerApiErrorObject} and
 * {@code PartnerApiInnerError}) and {@value #PROBLEM_DETAILS} (with {@code ProblemDetailsDataEntry}).
 * Headers: {@code MS-CorrelationId}, {@code MS-RequestId}, {@code Retry-After},
 * {@code WWW-Authenticate}, {@code Allow} and {@code ETag}; a header is {@code required} when the
 * catalog calls for it on every response of a status that sends it (401's challenge, 405's
 * {@code Allow}), and the request ids are on every response.
 *
 * <p>Every call returns new model objects (swagger's are mutable), built from JSON converted once.
 * Thread-safe.
 */
public final class ErrorComponents {

    /** The component name of the Partner Center error body. */
    public static final String PARTNER_CENTER = "PartnerCenterError";
    /** The component name of the Partner API error body. */
    public static final String PARTNER_API = "PartnerApiError";
    /** The component name of the RFC 9457 problem details body. */
    public static final String PROBLEM_DETAILS = "ProblemDetails";

    /** The header components, in the order they are listed. */
    public static final List<String> HEADERS = List.of(HeaderNames.MS_CORRELATION_ID, HeaderNames.MS_REQUEST_ID,
            HeaderNames.RETRY_AFTER, HeaderNames.WWW_AUTHENTICATE, HeaderNames.ALLOW, HeaderNames.ETAG);

    private static final Map<ErrorFormat, SchemaConversion> CONVERSIONS = new EnumMap<>(ErrorFormat.class);

    static {
        CONVERSIONS.put(ErrorFormat.PARTNER_CENTER, new SchemaConversion(ErrorSchemas.text(ErrorFormat.PARTNER_CENTER),
                PARTNER_CENTER, Map.of("error", "PartnerCenterErrorEntry")));
        CONVERSIONS.put(ErrorFormat.PARTNER_API, new SchemaConversion(ErrorSchemas.text(ErrorFormat.PARTNER_API),
                PARTNER_API, Map.of("error", "PartnerApiErrorObject", "innerError", "PartnerApiInnerError")));
        CONVERSIONS.put(ErrorFormat.PROBLEM_DETAILS, new SchemaConversion(ErrorSchemas.text(ErrorFormat.PROBLEM_DETAILS),
                PROBLEM_DETAILS, Map.of("partnerCenterError", "ProblemDetailsDataEntry")));
    }

    private ErrorComponents() {
    }

    /** The schema component name of {@code format}'s body. */
    public static String schemaName(ErrorFormat format) {
        switch (Objects.requireNonNull(format, "format")) {
            case PARTNER_API:
                return PARTNER_API;
            case PROBLEM_DETAILS:
                return PROBLEM_DETAILS;
            case PARTNER_CENTER:
            default:
                return PARTNER_CENTER;
        }
    }

    /** {@code #/components/schemas/<name>} for {@code format}'s body. */
    public static String schemaRef(ErrorFormat format) {
        return SchemaConversion.COMPONENTS_PREFIX + schemaName(format);
    }

    /** {@code #/components/headers/<name>}. */
    public static String headerRef(String name) {
        return "#/components/headers/" + name;
    }

    /**
     * Every schema component, by name: the three bodies and the objects they nest. Each is
     * restfault-json's schema for the format with its {@code $defs} made components of their own,
     * the references to them rewritten, and {@code $schema} and {@code $id} dropped; nothing else
     * differs.
     */
    public static Map<String, Schema<?>> schemas() {
        Map<String, Schema<?>> all = new LinkedHashMap<>();
        for (SchemaConversion c : CONVERSIONS.values()) {
            all.putAll(c.schemas());
        }
        return all;
    }

    /** The schema components as the JSON the document holds, by name (for tests and tools). */
    public static Map<String, JsonNode> schemasAsJson() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        for (SchemaConversion c : CONVERSIONS.values()) {
            all.putAll(c.json());
        }
        return all;
    }

    /** Every header component, by name, in the order of {@link #HEADERS}. */
    public static Map<String, Header> headers() {
        Map<String, Header> h = new LinkedHashMap<>();
        h.put(HeaderNames.MS_CORRELATION_ID, new Header().required(true)
                .description("The correlation id of the call: the request's own when it sent a valid GUID, a new one otherwise.")
                .schema(uuid()));
        h.put(HeaderNames.MS_REQUEST_ID, new Header().required(true)
                .description("The id of this request: the request's own when it sent a valid GUID, a new one otherwise. "
                        + "Quote it when reporting an error.")
                .schema(uuid()));
        h.put(HeaderNames.RETRY_AFTER, header(HeaderNames.RETRY_AFTER,
                "Seconds to wait before trying again, sent whenever the server knows when to come back.",
                new JsonSchema().types(Set.of("integer")).minimum(java.math.BigDecimal.ZERO)));
        h.put(HeaderNames.WWW_AUTHENTICATE, header(HeaderNames.WWW_AUTHENTICATE,
                "The OAuth challenge: OAuth realm=\"urn:cpsvc:cpid:{cid}\".", string()));
        h.put(HeaderNames.ALLOW, header(HeaderNames.ALLOW,
                "The methods the resource supports, HEAD and OPTIONS included where served.", string()));
        h.put(HeaderNames.ETAG, header(HeaderNames.ETAG,
                "The resource's current entity tag, where known.", string()));
        return h;
    }

    /** Adds every schema and header component that {@code components} does not have yet. */
    public static void addTo(Components components) {
        Objects.requireNonNull(components, "components");
        schemas().forEach((name, schema) -> {
            if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                components.addSchemas(name, schema);
            }
        });
        headers().forEach((name, header) -> {
            if (components.getHeaders() == null || !components.getHeaders().containsKey(name)) {
                components.addHeaders(name, header);
            }
        });
    }

    /** Required when some status calls for it on every response (401's challenge, 405's Allow). */
    private static Header header(String name, String description, Schema<?> schema) {
        boolean always = false;
        for (StatusEntry e : StatusCatalog.entries()) {
            always |= e.header(name).map(r -> r.requirement() == HeaderRule.Requirement.ALWAYS).orElse(false);
        }
        return new Header().required(always).description(description).schema(schema);
    }

    private static Schema<?> uuid() {
        return new JsonSchema().types(Set.of("string")).format("uuid");
    }

    private static Schema<?> string() {
        return new JsonSchema().types(Set.of("string"));
    }
}
