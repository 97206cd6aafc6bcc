package dev.restfault.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.restfault.core.model.ErrorFormat;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The shipped schemas, loaded once through {@link ErrorSchemas} into networknt's validator. */
final class SchemaCheck {

    private static final Map<ErrorFormat, Schema> SCHEMAS = new EnumMap<>(ErrorFormat.class);

    static {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (ErrorFormat f : ErrorFormat.values()) {
            SCHEMAS.put(f, registry.getSchema(ErrorSchemas.text(f), InputFormat.JSON));
        }
    }

    private SchemaCheck() {
    }

    static List<Error> errors(ErrorFormat format, byte[] json) {
        return SCHEMAS.get(format).validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON);
    }

    static void assertValid(ErrorFormat format, byte[] json) {
        assertThat(errors(format, json))
                .as("%s schema errors for %s", format, new String(json, StandardCharsets.UTF_8))
                .isEmpty();
    }
}
