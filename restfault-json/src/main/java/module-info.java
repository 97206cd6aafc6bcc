/**
 * restfault-json: the three wire encodings of the error model (Partner Center, Partner API,
 * RFC 9457 problem details) with Jackson 3 streaming.
 *
 * <ul>
 *   <li>{@code dev.restfault.json}: the strict {@link dev.restfault.json.ErrorWriter}, the
 *       tolerant {@link dev.restfault.json.ErrorReader} with its {@link dev.restfault.json.ReaderLimits}
 *       and its only exception {@link dev.restfault.json.ErrorBodyException}, and the shipped
 *       JSON Schemas ({@link dev.restfault.json.ErrorSchemas});</li>
 *   <li>{@code dev.restfault.json.databind}: a Jackson databind module for the model types;
 *       needs {@code tools.jackson.databind} at run time, which this module does not bring.</li>
 * </ul>
 */
module dev.restfault.json {
    requires transitive dev.restfault.core;
    requires tools.jackson.core;
    requires static tools.jackson.databind;

    exports dev.restfault.json;
    exports dev.restfault.json.databind;
}
