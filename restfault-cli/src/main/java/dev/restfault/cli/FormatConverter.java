package dev.restfault.cli;

import dev.restfault.core.model.ErrorFormat;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a format option ({@code --to}, {@code --format}) the way every part of restfault reads a
 * format's name, {@link ErrorFormat#fromToken(String)}: {@code partner-center},
 * {@code partner-api}, {@code problem-details}, in any case, and {@code problem}, the spelling
 * the command accepted before the names were unified.
 */
final class FormatConverter implements ITypeConverter<ErrorFormat> {

    /** The tokens, for picocli's {@code ${COMPLETION-CANDIDATES}} in help texts and shell completion. */
    static final class Tokens implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ErrorFormat.values()).map(ErrorFormat::token).iterator();
        }
    }

    @Override
    public ErrorFormat convert(String value) {
        return ErrorFormat.fromToken(value).orElseThrow(() -> new TypeConversionException("expected " + ErrorFormat.tokens()));
    }
}
