package dev.restfault.sandbox;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.restfault.core.http.RequestIds;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contract testing of the sandbox's OpenAPI document against the running sandbox: every response
 * the end-to-end tests receive (through {@link RunningSandbox.Call#send()}) must be what the
 * document says its operation answers.
 *
 * <ul>
 *   <li>the path matches a path of the document (the built-in upstream, deliberately left out,
 *       and the console itself are the only exceptions) and the method one of its operations; a method the path does not serve
 *       must be answered with a 405 that the path's operations document; HEAD without an operation
 *       of its own is checked as the GET without a body, and an OPTIONS without one is Spring MVC's
 *       implicit answer (200);</li>
 *   <li>the status is documented: itself, or its class ({@code 4XX}, {@code 5XX});</li>
 *   <li>the {@code Content-Type} is one of the response's media types (or there is no body when
 *       the response documents none), and the body validates against that media type's schema
 *       (OpenAPI 3.1 dialect, references resolved in the document's components);</li>
 *   <li>every required header is there, and every documented header that is there has a value of
 *       its schema's type ({@code uuid}: a GUID; {@code integer}: digits).</li>
 * </ul>
 * A simulation asked to break its response on purpose ({@code fault=}) is checked for status and
 * headers only: breaking the body is what it is documented to do. Thread-safe.
 */
final class OpenApiContract {

    /** What the sandbox serves beside its API, deliberately not in the document: the upstream and the console. */
    private static final java.util.regex.Pattern OUTSIDE_THE_API = java.util.regex.Pattern.compile(
            "/upstream/|/console|/swagger-ui/|/v3/api-docs");

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    OpenApiContract(String documentJson) {
        this.document = JsonMapper.shared().readTree(documentJson);
    }

    JsonNode document() {
        return document;
    }

    /**
     * Checks one exchange.
     *
     * @param method the request's method
     * @param target the request's path and query, as sent
     * @throws AssertionError naming every way the response differs from the document
     */
    void check(String method, String target, Reply reply) {
        List<String> problems = problems(method.toUpperCase(Locale.ROOT), target, reply);
        if (!problems.isEmpty()) {
            throw new AssertionError("The response to " + method + " " + target + " is not what the OpenAPI document says: "
                    + String.join("; ", problems) + "\nResponse: " + reply);
        }
    }

    List<String> problems(String method, String target, Reply reply) {
        List<String> problems = new ArrayList<>();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        Optional<String> template = template(path);
        if (template.isEmpty()) {
            if (!OUTSIDE_THE_API.matcher(path).lookingAt()) {
                problems.add("no path of the document matches " + path);
            }
            return problems;
        }
        JsonNode item = document.path("paths").path(template.get());
        String verb = method.toLowerCase(Locale.ROOT);
        JsonNode operation = item.path(verb);
        boolean bodyless = method.equals("HEAD");
        if (operation.isMissingNode()) {
            if (method.equals("HEAD") && item.has("get")) {
                operation = item.path("get");
            } else if (method.equals("OPTIONS") && reply.status() == 200) {
                return problems; // Spring MVC's implicit OPTIONS: Allow, no body
            } else if (reply.status() == 405) {
                operation = anyOperationDocumenting(item, "405");
                if (operation == null) {
                    problems.add("a 405 for " + method + " " + template.get() + " but no operation of the path documents 405");
                    return problems;
                }
            } else {
                problems.add(template.get() + " has no " + method + " operation, yet the answer is " + reply.status());
                return problems;
            }
        }
        String status = Integer.toString(reply.status());
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.has(status) ? responses.path(status)
                : responses.has(status.charAt(0) + "XX") ? responses.path(status.charAt(0) + "XX") : responses.path("default");
        if (response.isMissingNode()) {
            problems.add("status " + status + " is not documented for " + method + " " + template.get()
                    + " (documented: " + names(responses) + ")");
            return problems;
        }
        response = resolve(response);
        checkHeaders(response, reply, problems);
        if (!query.contains("fault=")) {
            checkBody(response, reply, bodyless, problems);
        }
        return problems;
    }

    /** The document's path template that matches {@code path}, the one with the most literal segments first. */
    Optional<String> template(String path) {
        String[] actual = segments(path);
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> it = document.path("paths").propertyNames().iterator(); it.hasNext(); ) {
            String t = it.next();
            int literals = matches(segments(t), actual);
            if (literals > bestLiterals) {
                best = t;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The number of literal segments of {@code template} if it matches, else -1. */
    private static int matches(String[] template, String[] actual) {
        int literals = 0;
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.equals("**")) {
                return i == template.length - 1 ? literals : -1;
            }
            if (i >= actual.length) {
                return -1;
            }
            if (t.startsWith("{") && t.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return -1;
                }
            } else if (t.equals(actual[i])) {
                literals++;
            } else {
                return -1;
            }
        }
        return template.length == actual.length ? literals : -1;
    }

    private static String[] segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    private static JsonNode anyOperationDocumenting(JsonNode item, String status) {
        for (Map.Entry<String, JsonNode> op : item.properties()) {
            if (op.getValue().path("responses").has(status)) {
                return op.getValue();
            }
        }
        return null;
    }

    private void checkHeaders(JsonNode response, Reply reply, List<String> problems) {
        for (Map.Entry<String, JsonNode> h : response.path("headers").properties()) {
            JsonNode header = resolve(h.getValue());
            Optional<String> value = reply.header(h.getKey());
            if (value.isEmpty()) {
                if (header.path("required").asBoolean(false)) {
                    problems.add("required header " + h.getKey() + " is missing");
                }
                continue;
            }
            JsonNode schema = resolve(header.path("schema"));
            String type = schema.path("type").asString("");
            if (schema.path("format").asString("").equals("uuid") && !RequestIds.isValid(value.get())) {
                problems.add("header " + h.getKey() + " is not a GUID: " + value.get());
            } else if (type.equals("integer") && !value.get().matches("[0-9]{1,10}")) {
                problems.add("header " + h.getKey() + " is not an integer: " + value.get());
            }
        }
    }

    private void checkBody(JsonNode response, Reply reply, boolean bodyless, List<String> problems) {
        JsonNode content = response.path("content");
        boolean hasBody = reply.bytes().length > 0;
        if (content.isMissingNode() || content.isEmpty()) {
            if (hasBody) {
                problems.add("a body is sent where the document declares none");
            }
            return;
        }
        if (bodyless) {
            return;
        }
        String contentType = reply.header("Content-Type").orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        JsonNode documented = null;
        for (Map.Entry<String, JsonNode> m : content.properties()) {
            String key = m.getKey().toLowerCase(Locale.ROOT);
            if (key.equals(mediaType) || key.equals("*/*")
                    || (key.endsWith("/*") && mediaType.startsWith(key.substring(0, key.length() - 1)))) {
                documented = m.getValue();
                break;
            }
        }
        if (documented == null) {
            problems.add("Content-Type " + contentType + " is not among the documented " + names(content));
            return;
        }
        if (!hasBody || !documented.has("schema") || !mediaType.endsWith("json")) {
            return;
        }
        List<Error> errors = schema(documented.path("schema")).validate(reply.body(), com.networknt.schema.InputFormat.JSON);
        for (Error e : errors) {
            problems.add("body: " + e.getMessage());
        }
    }

    /** The schema, compiled once, with the document's components beside it so that its references resolve. */
    private Schema schema(JsonNode schema) {
        return schemas.computeIfAbsent(schema.toString(), key -> {
            ObjectNode wrapper = ((ObjectNode) JsonMapper.shared().readTree(key));
            wrapper.set("components", document.path("components"));
            return registry.getSchema(wrapper);
        });
    }

    /** A response, header or schema object, its {@code $ref} into the components followed. */
    private JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        for (int i = 0; i < 8 && n.has("$ref") && n.path("$ref").asString("").startsWith("#/components/"); i++) {
            String[] parts = n.path("$ref").asString().substring(2).split("/");
            JsonNode target = document;
            for (String p : parts) {
                target = target.path(p.replace("~1", "/").replace("~0", "~"));
            }
            n = target;
        }
        return n;
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names.toString();
    }
}
