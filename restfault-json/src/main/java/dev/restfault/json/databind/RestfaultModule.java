package dev.restfault.json.databind;

import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import dev.restfault.json.ReaderLimits;
import dev.restfault.json.implementation.BodyDecoder;
import dev.restfault.json.implementation.DecodeFailure;
import dev.restfault.json.implementation.Decoded;
import dev.restfault.json.implementation.ErrorEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.Version;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleSerializers;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A Jackson 3 databind module so that a user's {@code JsonMapper} reads and writes the model
 * types: {@link PartnerCenterError}, {@link PartnerApiError} (in its wrapped form
 * {@code {"error":{...}}}), {@link InnerError} and {@link ProblemDetail}.
 *
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder().addModule(new RestfaultModule()).build();
 * PartnerCenterError e = mapper.readValue(body, PartnerCenterError.class);
 * }</pre>
 *
 * <p>Writing delegates to the same encoder as {@link dev.restfault.json.ErrorWriter}: the same
 * members in the same order, lone surrogates replaced by U+FFFD; escaping is the mapper's own
 * (JSON's required escapes; {@code ErrorWriter} additionally escapes C1 controls and
 * U+2028/U+2029). Reading delegates to the tolerant decoder of
 * {@link dev.restfault.json.ErrorReader} (numeric {@code code}, {@code innererror},
 * {@code details}, unknown members...), with the mapper's own stream limits and
 * {@link ReaderLimits#defaults()} for entries. A value that is not an object, or an object
 * lacking what the type requires (a code and a text), is reported as the mapper's usual
 * {@code DatabindException} (a {@code MismatchedInputException}); JSON {@code null} reads as
 * null.
 *
 * <p>Requires {@code tools.jackson.databind} at run time (restfault-json does not bring it).
 * Stateless and thread-safe.
 */
// "exports": this type is Jackson's by nature; databind is optional for restfault-json, so it
// cannot be required transitively, and users of this class bring databind themselves.
@SuppressWarnings("exports")
public final class RestfaultModule extends JacksonModule {

    private static final BodyDecoder DECODER = new BodyDecoder(ReaderLimits.defaults().maxEntries());

    /** The module; it has no configuration and may be shared between mappers. */
    public RestfaultModule() {
    }

    @Override
    public String getModuleName() {
        return "restfault";
    }

    @Override
    public Version version() {
        return new Version(0, 1, 0, "SNAPSHOT", "dev.restfault", "restfault-json");
    }

    @Override
    public void setupModule(SetupContext context) {
        SimpleSerializers serializers = new SimpleSerializers();
        serializers.addSerializer(PartnerCenterError.class,
                new EncodingSerializer<>(PartnerCenterError.class, ErrorEncoding::writePartnerCenter));
        serializers.addSerializer(PartnerApiError.class, new EncodingSerializer<>(PartnerApiError.class, ErrorEncoding::writePartnerApi));
        serializers.addSerializer(InnerError.class, new EncodingSerializer<>(InnerError.class, ErrorEncoding::writeInnerError));
        serializers.addSerializer(ProblemDetail.class, new EncodingSerializer<>(ProblemDetail.class, ErrorEncoding::writeProblem));
        context.addSerializers(serializers);

        SimpleDeserializers deserializers = new SimpleDeserializers();
        deserializers.addDeserializer(PartnerCenterError.class, new PartnerCenterDeserializer());
        deserializers.addDeserializer(PartnerApiError.class, new PartnerApiDeserializer());
        deserializers.addDeserializer(InnerError.class, new InnerErrorDeserializer());
        deserializers.addDeserializer(ProblemDetail.class, new ProblemDeserializer());
        context.addDeserializers(deserializers);
    }

    // ---------------------------------------------------------------- serializers

    /** Writes a model type with the strict writer's own encoding, so both emit the same bytes. */
    private static final class EncodingSerializer<T> extends StdSerializer<T> {
        private final BiConsumer<JsonGenerator, T> encoding;

        EncodingSerializer(Class<T> type, BiConsumer<JsonGenerator, T> encoding) {
            super(type);
            this.encoding = encoding;
        }

        @Override
        public void serialize(T value, JsonGenerator g, SerializationContext ctxt) {
            encoding.accept(g, value);
        }
    }

    // ---------------------------------------------------------------- deserializers

    /** Decodes the object at the parser, or reports a mismatch the way databind does. */
    private static Decoded decode(StdDeserializer<?> deser, JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return ctxt.reportInputMismatch(deser, "expected a JSON object for %s, got %s",
                    deser.handledType().getSimpleName(), p.currentToken());
        }
        try {
            return DECODER.decode(p);
        } catch (DecodeFailure | IllegalArgumentException e) {
            return ctxt.reportInputMismatch(deser, "cannot read %s: %s",
                    deser.handledType().getSimpleName(), e.getMessage());
        }
    }

    private static final class PartnerCenterDeserializer extends StdDeserializer<PartnerCenterError> {
        PartnerCenterDeserializer() {
            super(PartnerCenterError.class);
        }

        @Override
        public PartnerCenterError deserialize(JsonParser p, DeserializationContext ctxt) {
            Decoded d = decode(this, p, ctxt);
            if (d.partnerCenter() != null) {
                return d.partnerCenter();
            }
            if (d.code() == null || d.description() == null) {
                return ctxt.reportInputMismatch(this, "a Partner Center error needs a code and a description");
            }
            return PartnerCenterError.builder()
                    .code(d.code())
                    .description(d.description())
                    .source(d.source())
                    .data(d.data())
                    .build();
        }
    }

    private static final class PartnerApiDeserializer extends StdDeserializer<PartnerApiError> {
        PartnerApiDeserializer() {
            super(PartnerApiError.class);
        }

        @Override
        public PartnerApiError deserialize(JsonParser p, DeserializationContext ctxt) {
            Decoded d = decode(this, p, ctxt);
            if (d.partnerApi() != null) {
                return d.partnerApi();
            }
            if (d.code() == null || d.description() == null) {
                return ctxt.reportInputMismatch(this, "a Partner API error needs a code and a message");
            }
            List<PartnerApiError> details = new ArrayList<>(d.data().size());
            for (PartnerCenterError entry : d.data()) {
                details.add(entry.toPartnerApi());
            }
            return PartnerApiError.builder()
                    .code(d.code())
                    .message(d.description())
                    .target(d.source())
                    .innerError(d.innerError())
                    .details(details)
                    .build();
        }
    }

    private static final class InnerErrorDeserializer extends StdDeserializer<InnerError> {
        InnerErrorDeserializer() {
            super(InnerError.class);
        }

        @Override
        public InnerError deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return ctxt.reportInputMismatch(this, "expected a JSON object for InnerError, got %s",
                        p.currentToken());
            }
            InnerError inner;
            try {
                inner = DECODER.decodeInnerError(p);
            } catch (DecodeFailure | IllegalArgumentException e) {
                return ctxt.reportInputMismatch(this, "cannot read InnerError: %s", e.getMessage());
            }
            if (inner == null) {
                return ctxt.reportInputMismatch(this, "an innerError needs a code or a message");
            }
            return inner;
        }
    }

    private static final class ProblemDeserializer extends StdDeserializer<ProblemDetail> {
        ProblemDeserializer() {
            super(ProblemDetail.class);
        }

        @Override
        public ProblemDetail deserialize(JsonParser p, DeserializationContext ctxt) {
            Decoded d = decode(this, p, ctxt);
            if (d.problem() != null) {
                return d.problem();
            }
            // Another error shape: carry what it said into the problem's members.
            return ProblemDetail.builder()
                    .status(d.statusCode())
                    .detail(d.description())
                    .code(d.code())
                    .source(d.source())
                    .data(d.data())
                    .build();
        }
    }
}
