package dev.restfault.json.implementation;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Counts the bytes a parser pulls from a stream, fails as soon as they exceed the document
 * limit (so a huge body is never read to its end), and keeps a copy of the first bytes for the
 * diagnostic excerpt. Not part of the API; not thread-safe (one read at a time).
 */
public final class BoundedInputStream extends FilterInputStream {

    /** Signals the size limit through the parser, which wraps I/O failures. */
    public static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message);
        }
    }

    private final long max;
    private long count;
    private final byte[] head;
    private int headLength;
    /** Whether the wrapped stream threw: tells a failing stream from a body the parser refused. */
    private boolean failed;

    public BoundedInputStream(InputStream in, long max, int headBytes) {
        super(in);
        this.max = max;
        this.head = new byte[headBytes];
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        // Ask for at most one byte past the limit: enough to see the excess, no more.
        long allowed = max - count + 1;
        int n;
        try {
            n = in.read(b, off, (int) Math.min(len, allowed));
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
        if (n > 0) {
            if (headLength < head.length) {
                int copy = Math.min(n, head.length - headLength);
                System.arraycopy(b, off, head, headLength, copy);
                headLength += copy;
            }
            count += n;
            if (count > max) {
                throw new LimitExceeded("the body is longer than " + max + " bytes");
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be counted too; read them.
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** Whether the wrapped stream threw an exception (this class's own {@link LimitExceeded} aside). */
    public boolean failed() {
        return failed;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    /** A copy of the first bytes read, up to the head size. */
    public byte[] head() {
        return Arrays.copyOf(head, headLength);
    }
}
