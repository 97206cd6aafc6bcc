/**
 * The three wire encodings of the error model on Jackson 3 streaming: {@link ErrorWriter}
 * (strict; its output validates against {@link ErrorSchemas}), {@link ErrorReader} (tolerant,
 * bounded by {@link ReaderLimits}, throws only {@link ErrorBodyException}) and what it returns,
 * {@link DecodedError}.
 */
package dev.restfault.json;
