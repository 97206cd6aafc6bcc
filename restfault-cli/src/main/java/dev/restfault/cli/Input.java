package dev.restfault.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a body from a file or standard input ({@code -}), bounded. */
final class Input {

    /** The most bytes read; more is a usage error, not an out-of-memory. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    /** Why input could not be read; the message names the file, never a stack trace. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private Input() {
    }

    static byte[] read(String file, InputStream stdin) throws Unreadable {
        if (file == null || file.equals("-")) {
            return readBounded(stdin, "standard input");
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (RuntimeException e) {
            throw new Unreadable("not a valid file name: " + Terminal.safe(file));
        }
        if (Files.isDirectory(path)) {
            throw new Unreadable(Terminal.safe(file) + " is a directory");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return readBounded(in, Terminal.safe(file));
        } catch (NoSuchFileException e) {
            throw new Unreadable("no such file: " + Terminal.safe(file));
        } catch (IOException e) {
            throw new Unreadable("cannot read " + Terminal.safe(file));
        }
    }

    private static byte[] readBounded(InputStream in, String what) throws Unreadable {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new Unreadable(what + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
            }
            return bytes;
        } catch (IOException e) {
            throw new Unreadable("cannot read " + what);
        }
    }
}
