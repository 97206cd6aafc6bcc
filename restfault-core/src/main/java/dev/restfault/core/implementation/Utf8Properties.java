package dev.restfault.core.implementation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Reads properties files as UTF-8, whatever the JVM's default charset. Not part of the API. */
public final class Utf8Properties {

    /** An empty, shared result for a file that does not exist. Never modify it. */
    public static final Properties NONE = new Properties();

    private Utf8Properties() {
    }

    /**
     * The properties of {@code in}, closing it; {@link #NONE} when {@code in} is null.
     *
     * @param name the resource name, for the error message
     * @throws UncheckedIOException if the resource cannot be read
     */
    public static Properties read(InputStream in, String name) {
        if (in == null) {
            return NONE;
        }
        try (InputStream stream = in) {
            Properties p = new Properties();
            p.load(new InputStreamReader(stream, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
