package dev.restfault.springdoc.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What cannot be converted faithfully is refused at startup, with a reason, never half-converted. */
class SchemaConversionTest {

    @Test
    void defsBecomeComponentsAndReferencesFollow() {
        SchemaConversion c = new SchemaConversion("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
                + "\"$id\":\"https://x/y.json\",\"$ref\":\"#/$defs/item\",\"$defs\":{\"item\":{\"type\":\"object\","
                + "\"properties\":{\"next\":{\"$ref\":\"#/$defs/item\"}}},\"other\":{\"type\":\"string\"}}}",
                "Thing", Map.of("item", "ThingItem"));
        assertThat(c.json().keySet()).containsExactly("Thing", "ThingItem", "ThingOther");
        assertThat(c.json().get("Thing").toString()).isEqualTo("{\"$ref\":\"#/components/schemas/ThingItem\"}");
        assertThat(c.json().get("ThingItem").path("properties").path("next").path("$ref").asText())
                .isEqualTo("#/components/schemas/ThingItem");
        assertThat(c.schemas().get("ThingOther").getTypes()).containsExactly("string");
    }

    @Test
    void whatCannotBeConvertedIsRefused() {
        assertThatThrownBy(() -> new SchemaConversion("{\"$ref\":\"https://elsewhere/x.json\"}", "T", Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("https://elsewhere/x.json");
        assertThatThrownBy(() -> new SchemaConversion("{\"$ref\":\"#/$defs/missing\",\"$defs\":{}}", "T", Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("#/$defs/missing");
        assertThatThrownBy(() -> new SchemaConversion("{\"$defs\":{\"a\":{\"$defs\":{}}}}", "T", Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nested");
        assertThatThrownBy(() -> new SchemaConversion("{\"type\": ", "T", Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a JSON Schema");
        assertThatThrownBy(() -> new SchemaConversion("[1]", "T", Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must be an object");
        assertThatThrownBy(() -> new SchemaConversion("{\"$defs\":{\"a\":{}}}", "T", Map.of("a", "T")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("used twice");
        assertThatThrownBy(() -> new SchemaConversion(null, "T", Map.of())).isInstanceOf(NullPointerException.class);
    }
}
