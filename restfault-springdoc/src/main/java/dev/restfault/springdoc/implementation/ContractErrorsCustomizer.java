package dev.restfault.springdoc.implementation;

import dev.restfault.core.http.HeaderNames;
import dev.restfault.springdoc.ErrorComponents;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json31;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Adds restfault's error components and every operation's error responses to the document
 * springdoc built. For each operation it asks {@code operations} for the operation's facts (an
 * operation it knows nothing of is left alone) and {@link ErrorResponses} for the responses; a
 * status the operation already documents by itself (with {@code @ApiResponse}, say) is kept as
 * the application wrote it. Responses end up in ascending order of status. An error response
 * that is the same on several operations (the 500, the 429, a 404 in one format) is written once,
 * as a response component ({@code #/components/responses/PartnerCenter.500}), and referenced.
 *
 * <p>OpenAPI 3.1 only: the components are JSON Schema 2020-12, which 3.0 cannot express, so a 3.0
 * document is left as it is and a warning says why. Thread-safe; springdoc calls it each time it
 * builds a document.
 */
public final class ContractErrorsCustomizer implements GlobalOpenApiCustomizer {

    private static final Logger LOG = LoggerFactory.getLogger(ContractErrorsCustomizer.class);

    private final BiFunction<String, String, Optional<OperationFacts>> operations;
    private final ErrorResponses responses;

    /**
     * @param operations the facts of an operation, by path template and method
     * @param responses builds the responses, and knows the challenge the service sends (the
     *     {@code WWW-Authenticate} component's example)
     */
    public ContractErrorsCustomizer(BiFunction<String, String, Optional<OperationFacts>> operations, ErrorResponses responses) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getSpecVersion() != SpecVersion.V31 && (openApi.getOpenapi() == null || !openApi.getOpenapi().startsWith("3.1"))) {
            LOG.warn("restfault documents errors in OpenAPI 3.1 documents only (its schemas are JSON Schema 2020-12); "
                    + "this one is {}: set springdoc.api-docs.version=openapi_3_1", openApi.getOpenapi());
            return;
        }
        Components components = openApi.getComponents();
        if (components == null) {
            components = new Components();
            openApi.setComponents(components);
        }
        boolean ownChallenge = components.getHeaders() == null || !components.getHeaders().containsKey(HeaderNames.WWW_AUTHENTICATE);
        ErrorComponents.addTo(components);
        if (ownChallenge) {
            // The application's own WWW-Authenticate component, if it has one, is left as it wrote it.
            responses.challenge().ifPresent(components.getHeaders().get(HeaderNames.WWW_AUTHENTICATE)::setExample);
        }
        if (openApi.getPaths() == null) {
            return;
        }
        SharedResponses shared = new SharedResponses(components);
        for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                Optional<OperationFacts> facts = operations.apply(path.getKey(), op.getKey().name());
                if (facts.isEmpty()) {
                    LOG.debug("No mapping known for {} {}: its errors are not documented", op.getKey(), path.getKey());
                    continue;
                }
                String family = responses.family(facts.get());
                Map<String, ApiResponse> errors = new LinkedHashMap<>();
                responses.responses(facts.get()).forEach((key, r) -> errors.put(key, shared.refer(family + "." + key, r)));
                document(op.getValue(), errors);
            }
        }
    }

    /**
     * Response components for the responses several operations share: each distinct response is
     * added once, under {@code <name>} or, when a different one took that name, {@code <name>.2},
     * {@code <name>.3}... (in document order, so the names are stable).
     */
    private static final class SharedResponses {
        private final Components components;
        private final Map<String, String> nameByContent = new HashMap<>();

        SharedResponses(Components components) {
            this.components = components;
            // A document built again on the same components (springdoc may reuse the
            // application's) finds its responses there and reuses them.
            if (components.getResponses() != null) {
                components.getResponses().forEach((name, r) -> {
                    String content = json(r);
                    if (content != null) {
                        nameByContent.putIfAbsent(content, name);
                    }
                });
            }
        }

        private static String json(ApiResponse response) {
            try {
                return Json31.mapper().writeValueAsString(response);
            } catch (JsonProcessingException e) {
                return null;
            }
        }

        ApiResponse refer(String name, ApiResponse response) {
            String content = json(response);
            if (content == null) {
                return response; // cannot compare it: keep it inline
            }
            String known = nameByContent.get(content);
            if (known == null) {
                known = name;
                for (int n = 2; components.getResponses() != null && components.getResponses().containsKey(known); n++) {
                    known = name + "." + n;
                }
                components.addResponses(known, response);
                nameByContent.put(content, known);
            }
            return new ApiResponse().$ref("#/components/responses/" + known);
        }
    }

    private static void document(Operation operation, Map<String, ApiResponse> errors) {
        ApiResponses existing = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponses merged = new ApiResponses();
        List<String> keys = new ArrayList<>(existing.keySet());
        for (String k : errors.keySet()) {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        keys.sort((a, b) -> ErrorResponses.order(a).compareTo(ErrorResponses.order(b)));
        for (String k : keys) {
            merged.addApiResponse(k, existing.containsKey(k) ? existing.get(k) : errors.get(k));
        }
        if (existing.getExtensions() != null) {
            merged.setExtensions(existing.getExtensions());
        }
        operation.setResponses(merged);
    }
}
