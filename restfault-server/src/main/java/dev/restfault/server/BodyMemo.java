package dev.restfault.server;

import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.ErrorWriter;
import java.util.Objects;

/**
 * The bodies rendered last, so that an error a service answers again and again (the 401 of every
 * call without a token, the 404 a scanner asks for, a misrouted client's 405) is encoded once rather
 * than on every request: encoding is the largest part of what rendering an error costs.
 *
 * <p>A body is kept under everything its bytes are a function of: the format, the status, the
 * problem's title and the whole error, compared with {@code equals}. A body from the memo is
 * therefore the very bytes the writer would give; the writer is restfault's own, whose output
 * depends on nothing else.
 *
 * <p>Bounded: {@value #SLOTS} slots, chosen by the error's code, status, description length and
 * format, each holding the body rendered there last; bodies over {@value #MAX_BODY_BYTES} bytes are
 * not kept. An error whose text changes from one request to the next (an id in its description,
 * the 500's request id) takes its slot's place each time, for the price of one failed comparison.
 *
 * <p>Thread-safe without locks: an entry is immutable and reached through its final fields, so a
 * thread that sees one sees it whole; slots are read and written without ordering, and a thread
 * that misses another's entry only encodes the body itself.
 */
final class BodyMemo {

    static final int SLOTS = 64;
    static final int MAX_BODY_BYTES = 2048;

    private final ErrorWriter writer;
    private final Entry[] slots = new Entry[SLOTS];

    BodyMemo(ErrorWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * What {@link ErrorWriter#write(ErrorFormat, PartnerCenterError, int, String)} gives for these
     * arguments, from the memo when it is there. The array is shared: callers hand it on without
     * changing it.
     */
    byte[] write(ErrorFormat format, PartnerCenterError error, int status, String title) {
        int slot = slot(format, error, status);
        Entry known = slots[slot];
        if (known != null && known.format == format && known.status == status && Objects.equals(known.title, title)
                && known.error.equals(error)) {
            return known.bytes;
        }
        byte[] bytes = writer.write(format, error, status, title);
        if (bytes.length <= MAX_BODY_BYTES) {
            slots[slot] = new Entry(format, error, status, title, bytes);
        }
        return bytes;
    }

    private static int slot(ErrorFormat format, PartnerCenterError error, int status) {
        // The code's hash is cached in the String; the description's length tells its
        // translations apart without reading it.
        int h = error.code().hashCode();
        h = 31 * h + status;
        h = 31 * h + error.description().length();
        h = 31 * h + format.ordinal();
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }

    private static final class Entry {
        final ErrorFormat format;
        final PartnerCenterError error;
        final int status;
        final String title;
        final byte[] bytes;

        Entry(ErrorFormat format, PartnerCenterError error, int status, String title, byte[] bytes) {
            this.format = format;
            this.error = error;
            this.status = status;
            this.title = title;
            this.bytes = bytes;
        }
    }
}
