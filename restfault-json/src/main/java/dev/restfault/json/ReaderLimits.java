package dev.restfault.json;

import dev.restfault.core.model.ModelLimits;

/**
 * Bounds an {@link ErrorReader} enforces while it streams a body, so that a hostile or broken
 * body costs bounded memory and time.
 *
 * <p>Every bound is checked as the bytes arrive, not after the whole body was read: a body that
 * exceeds one fails with {@link ErrorBodyException.Reason#LIMIT_EXCEEDED} as soon as the excess
 * is seen.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>bound</th><th>default</th><th>what it counts</th></tr>
 *   <tr><td>{@link #maxDepth()}</td><td>{@value #DEFAULT_MAX_DEPTH}</td>
 *       <td>nesting of JSON objects and arrays, the root object counting as 1</td></tr>
 *   <tr><td>{@link #maxDocumentBytes()}</td><td>{@value #DEFAULT_MAX_DOCUMENT_BYTES} (1 MiB)</td>
 *       <td>bytes of the body</td></tr>
 *   <tr><td>{@link #maxStringLength()}</td><td>{@value #DEFAULT_MAX_STRING_LENGTH} (64 Ki)</td>
 *       <td>characters of one JSON string (value or member name) that the reader keeps</td></tr>
 *   <tr><td>{@link #maxEntries()}</td><td>{@value #DEFAULT_MAX_ENTRIES}</td>
 *       <td>elements of one {@code data} or {@code details} array</td></tr>
 *   <tr><td>{@link #maxRawExcerpt()}</td><td>{@value #DEFAULT_MAX_RAW_EXCERPT}</td>
 *       <td>characters of the body kept in {@link ErrorBodyException#rawExcerpt()} and
 *       {@link DecodedError#rawExcerpt()} for diagnosis</td></tr>
 * </table>
 *
 * <p>{@code maxEntries} cannot exceed {@link ModelLimits#MAX_ENTRIES}, the most entries the
 * error model can hold. Immutable and thread-safe.
 */
public final class ReaderLimits {

    /** Default {@link #maxDepth()}: enough for {@code data} nested to the model's own bound. */
    public static final int DEFAULT_MAX_DEPTH = 32;
    /** Default {@link #maxDocumentBytes()}: 1 MiB; an error body is normally under 4 KiB. */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 1024 * 1024;
    /** Default {@link #maxStringLength()}: 64 Ki characters. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 64 * 1024;
    /** Default {@link #maxEntries()}: the model's {@link ModelLimits#MAX_ENTRIES}. */
    public static final int DEFAULT_MAX_ENTRIES = ModelLimits.MAX_ENTRIES;
    /** Default {@link #maxRawExcerpt()}: 2048 characters. */
    public static final int DEFAULT_MAX_RAW_EXCERPT = 2048;

    private static final ReaderLimits DEFAULTS = new Builder().build();

    private final int maxDepth;
    private final int maxDocumentBytes;
    private final int maxStringLength;
    private final int maxEntries;
    private final int maxRawExcerpt;

    private ReaderLimits(Builder b) {
        this.maxDepth = b.maxDepth;
        this.maxDocumentBytes = b.maxDocumentBytes;
        this.maxStringLength = b.maxStringLength;
        this.maxEntries = b.maxEntries;
        this.maxRawExcerpt = b.maxRawExcerpt;
    }

    /** The defaults of the table above. */
    public static ReaderLimits defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these limits, to derive changed ones. */
    public Builder toBuilder() {
        return new Builder()
                .maxDepth(maxDepth)
                .maxDocumentBytes(maxDocumentBytes)
                .maxStringLength(maxStringLength)
                .maxEntries(maxEntries)
                .maxRawExcerpt(maxRawExcerpt);
    }

    /** Deepest nesting of objects and arrays; the root object is depth 1. */
    public int maxDepth() {
        return maxDepth;
    }

    /** Most bytes in one body. */
    public int maxDocumentBytes() {
        return maxDocumentBytes;
    }

    /** Longest JSON string (value or member name) the reader keeps, in characters. */
    public int maxStringLength() {
        return maxStringLength;
    }

    /** Most elements in one {@code data} or {@code details} array. */
    public int maxEntries() {
        return maxEntries;
    }

    /** Most characters of the body kept as a diagnostic excerpt. */
    public int maxRawExcerpt() {
        return maxRawExcerpt;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ReaderLimits)) {
            return false;
        }
        ReaderLimits other = (ReaderLimits) o;
        return maxDepth == other.maxDepth && maxDocumentBytes == other.maxDocumentBytes
                && maxStringLength == other.maxStringLength && maxEntries == other.maxEntries
                && maxRawExcerpt == other.maxRawExcerpt;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(maxDepth, maxDocumentBytes, maxStringLength, maxEntries, maxRawExcerpt);
    }

    @Override
    public String toString() {
        return "ReaderLimits{maxDepth=" + maxDepth + ", maxDocumentBytes=" + maxDocumentBytes
                + ", maxStringLength=" + maxStringLength + ", maxEntries=" + maxEntries
                + ", maxRawExcerpt=" + maxRawExcerpt + "}";
    }

    /**
     * Builds {@link ReaderLimits}; every setter rejects a value {@code <= 0} with an
     * {@link IllegalArgumentException} at once. Not thread-safe, reusable.
     */
    public static final class Builder {
        private int maxDepth = DEFAULT_MAX_DEPTH;
        private int maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;
        private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;
        private int maxEntries = DEFAULT_MAX_ENTRIES;
        private int maxRawExcerpt = DEFAULT_MAX_RAW_EXCERPT;

        private Builder() {
        }

        /** @throws IllegalArgumentException if {@code maxDepth <= 0} */
        public Builder maxDepth(int maxDepth) {
            this.maxDepth = positive(maxDepth, "maxDepth");
            return this;
        }

        /** @throws IllegalArgumentException if {@code maxDocumentBytes <= 0} */
        public Builder maxDocumentBytes(int maxDocumentBytes) {
            this.maxDocumentBytes = positive(maxDocumentBytes, "maxDocumentBytes");
            return this;
        }

        /** @throws IllegalArgumentException if {@code maxStringLength <= 0} */
        public Builder maxStringLength(int maxStringLength) {
            this.maxStringLength = positive(maxStringLength, "maxStringLength");
            return this;
        }

        /**
         * @throws IllegalArgumentException if {@code maxEntries <= 0} or above
         *     {@link ModelLimits#MAX_ENTRIES}
         */
        public Builder maxEntries(int maxEntries) {
            positive(maxEntries, "maxEntries");
            if (maxEntries > ModelLimits.MAX_ENTRIES) {
                throw new IllegalArgumentException("maxEntries must be at most " + ModelLimits.MAX_ENTRIES
                        + " (the error model's bound), was " + maxEntries);
            }
            this.maxEntries = maxEntries;
            return this;
        }

        /** @throws IllegalArgumentException if {@code maxRawExcerpt <= 0} */
        public Builder maxRawExcerpt(int maxRawExcerpt) {
            this.maxRawExcerpt = positive(maxRawExcerpt, "maxRawExcerpt");
            return this;
        }

        /** The limits set so far; the builder stays usable. */
        public ReaderLimits build() {
            return new ReaderLimits(this);
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
