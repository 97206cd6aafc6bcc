package dev.restfault.sandbox;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.json.ErrorSchemas;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The JSON Schemas restfault-json ships, loaded once into networknt's validator. */
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

    /** The schema violations of {@code json} in {@code format}; empty when it validates. */
    static List<Error> violations(ErrorFormat format, String json) {
        return SCHEMAS.get(format).validate(json, InputFormat.JSON);
    }
}
