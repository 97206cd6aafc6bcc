package dev.restfault.sandbox.guard;

import dev.restfault.core.exception.ContractException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies on the API to {@value #MAX_BODY_BYTES} bytes: the sandbox's bodies are a
 * few hundred bytes, so anything larger is refused with 413 instead of being parsed. A declared
 * {@code Content-Length} over the bound is refused before a byte is read; a body without one
 * (chunked) is read up to the bound here, before any parser sees it, and refused if it goes
 * further. Refusing here, before any parser, bounds memory (at most {@value #MAX_BODY_BYTES}
 * bytes are held per request) and keeps the refusal independent of how a parser reports a stream
 * that fails mid-read. (The starter would also keep the 413 of a {@code ContractException}
 * thrown from inside the JSON parser, since it looks for one along the cause chain; the filter
 * does not rely on that.) The rest of a refused body is the starter's business, as for every
 * error answered before a body is read: it is read and discarded within
 * {@code restfault.unread-body.drain-limit} and {@code drain-timeout} (2 MiB and 1 s by default),
 * so the connection carries the client's next request; a larger, slower or unreadable body gets
 * {@code Connection: close} with the 413.
 *
 * <p>A buffered body read as characters uses the request's {@code charset}; a charset that is
 * unknown, or whose name is not even legal (a hostile {@code charset="bad charset!"}), falls
 * back to UTF-8 instead of failing the request.
 */
final class BodyLimitFilter extends OncePerRequestFilter {

    /** The largest request body accepted. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            chain.doFilter(new Buffered(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static ContractException tooLarge() {
        return ContractException.builder(413).build();
    }

    /** The request with its body already read into memory. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read; no asynchronous reading");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charsetOf(getCharacterEncoding())));
        }
    }

    /**
     * The charset {@code encoding} names, or UTF-8 when it is null, unknown or not a legal name
     * ({@link Charset#isSupported} throws for an illegal one instead of answering false).
     */
    static Charset charsetOf(String encoding) {
        if (encoding == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.isSupported(encoding) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException illegal) {
            // IllegalCharsetNameException is one
            return StandardCharsets.UTF_8;
        }
    }
}
