package dev.restfault.json;

import dev.restfault.core.model.ErrorFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The JSON Schemas (draft 2020-12) of the three wire formats, shipped in this jar under
 * {@code dev/restfault/json/schema/}: {@code partner-center.schema.json},
 * {@code partner-api.schema.json} and {@code problem-details.schema.json}.
 *
 * <p>Everything {@link ErrorWriter} writes validates against the schema of its format; the
 * tests check that with a JSON Schema validator. The schemas describe the strict, written form
 * (a string {@code code}, {@code innerError} spelled as the seed spells it, no unknown members
 * in the contract's own objects); {@link ErrorReader} accepts more. Stateless.
 */
public final class ErrorSchemas {

    private static final String DIRECTORY = "/dev/restfault/json/schema/";

    private ErrorSchemas() {
    }

    /**
     * The resource name of the schema for {@code format}, such as
     * {@code dev/restfault/json/schema/partner-center.schema.json}.
     *
     * @throws NullPointerException if {@code format} is null
     */
    public static String resourceName(ErrorFormat format) {
        return DIRECTORY.substring(1) + fileName(format);
    }

    /**
     * The schema's {@code $id}, such as
     * {@code https://restfault.dev/schema/partner-center.schema.json}.
     *
     * @throws NullPointerException if {@code format} is null
     */
    public static URI id(ErrorFormat format) {
        return URI.create("https://restfault.dev/schema/" + fileName(format));
    }

    /**
     * Opens the schema for {@code format}; the caller closes the stream. Works on the class path
     * and on the module path (the resource is read through this module).
     *
     * @throws NullPointerException if {@code format} is null
     * @throws IllegalStateException if the resource is missing: a broken jar
     */
    public static InputStream open(ErrorFormat format) {
        InputStream in = ErrorSchemas.class.getResourceAsStream(DIRECTORY + fileName(format));
        if (in == null) {
            throw new IllegalStateException("restfault-json is missing its schema resource " + resourceName(format));
        }
        return in;
    }

    /**
     * The schema for {@code format} as text.
     *
     * @throws NullPointerException if {@code format} is null
     * @throws IllegalStateException if the resource is missing: a broken jar
     */
    public static String text(ErrorFormat format) {
        try (InputStream in = open(format)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code <token>.schema.json}: the format's one spelling names its schema too. */
    private static String fileName(ErrorFormat format) {
        return Objects.requireNonNull(format, "format").token() + ".schema.json";
    }
}
