package dev.restfault.springdoc.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Turns one of the JSON Schema (draft 2020-12) documents that restfault-json ships into OpenAPI
 * 3.1 schema components, changing only what a component cannot hold:
 * <ul>
 *   <li>each {@code $defs} entry becomes a component of its own, named by {@code defNames} (or
 *       the top-level name followed by the capitalized key), and every {@code #/$defs/<key>}
 *       reference becomes {@code #/components/schemas/<name>};</li>
 *   <li>{@code $schema} and {@code $id} are dropped: in a component, {@code $id} would change the
 *       base URI against which those references resolve, and OpenAPI 3.1's own dialect is
 *       draft 2020-12 already.</li>
 * </ul>
 * Every other keyword is kept as written, {@code $ref} siblings included (legal in 2020-12 and
 * so in OpenAPI 3.1). A reference to anything but a local {@code $defs} entry, or a nested
 * {@code $defs}, cannot be converted and is an {@link IllegalStateException}: the shipped
 * schemas have neither, and a change that adds one must extend this class rather than produce a
 * broken document. Used at startup only.
 */
public final class SchemaConversion {

    private static final String DEFS = "$defs";
    private static final String DEFS_PREFIX = "#/$defs/";
    /** Where OpenAPI components live. */
    public static final String COMPONENTS_PREFIX = "#/components/schemas/";

    private final Map<String, JsonNode> converted;

    /**
     * @param schemaText the JSON Schema document
     * @param topName the component name of the document itself
     * @param defNames component names of its {@code $defs} entries, by key; keys not listed get
     *     {@code topName} followed by the capitalized key
     * @throws IllegalStateException if the document cannot be converted faithfully
     * @throws IllegalArgumentException if a component name is used twice
     */
    public SchemaConversion(String schemaText, String topName, Map<String, String> defNames) {
        Objects.requireNonNull(schemaText, "schemaText");
        ObjectMapper mapper = Json31.mapper();
        JsonNode parsed;
        try {
            parsed = mapper.readTree(schemaText);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalStateException("not a JSON Schema document: " + e.getOriginalMessage(), e);
        }
        if (!(parsed instanceof ObjectNode root)) {
            throw new IllegalStateException("a JSON Schema document must be an object");
        }
        ObjectNode top = root.deepCopy();
        JsonNode defs = top.remove(DEFS);
        top.remove("$schema");
        top.remove("$id");
        Map<String, String> names = new LinkedHashMap<>();
        if (defs != null) {
            if (!defs.isObject()) {
                throw new IllegalStateException(DEFS + " must be an object");
            }
            for (Iterator<String> keys = defs.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                names.put(key, defNames.getOrDefault(key, topName + Character.toUpperCase(key.charAt(0)) + key.substring(1)));
            }
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        out.put(topName, rewrite(top, names));
        if (defs != null) {
            for (Map.Entry<String, String> e : names.entrySet()) {
                if (out.containsKey(e.getValue())) {
                    throw new IllegalArgumentException("component name " + e.getValue() + " is used twice");
                }
                out.put(e.getValue(), rewrite(defs.get(e.getKey()).deepCopy(), names));
            }
        }
        this.converted = out;
    }

    /** The components as JSON, by name, top-level first: what the document will contain. */
    public Map<String, JsonNode> json() {
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        converted.forEach((k, v) -> copy.put(k, v.deepCopy()));
        return copy;
    }

    /** The components as new swagger model objects, by name, top-level first. */
    public Map<String, Schema<?>> schemas() {
        Map<String, Schema<?>> out = new LinkedHashMap<>();
        ObjectMapper mapper = Json31.mapper();
        for (Map.Entry<String, JsonNode> e : converted.entrySet()) {
            try {
                out.put(e.getKey(), mapper.treeToValue(e.getValue(), Schema.class));
            } catch (com.fasterxml.jackson.core.JacksonException invalid) {
                throw new IllegalStateException("schema " + e.getKey() + " cannot be read as an OpenAPI schema: "
                        + invalid.getOriginalMessage(), invalid);
            }
        }
        return out;
    }

    private static JsonNode rewrite(JsonNode node, Map<String, String> names) {
        if (node instanceof ObjectNode object) {
            if (object.has(DEFS)) {
                throw new IllegalStateException("nested " + DEFS + " cannot be converted");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    field.setValue(object.textNode(reference(field.getValue().asText(), names)));
                } else {
                    rewrite(field.getValue(), names);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode item : array) {
                rewrite(item, names);
            }
        }
        return node;
    }

    private static String reference(String ref, Map<String, String> names) {
        if (ref.startsWith(DEFS_PREFIX)) {
            String name = names.get(ref.substring(DEFS_PREFIX.length()));
            if (name != null) {
                return COMPONENTS_PREFIX + name;
            }
        }
        throw new IllegalStateException("reference " + ref + " does not name a local " + DEFS + " entry");
    }
}
