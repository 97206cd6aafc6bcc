package dev.restfault.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An error in the Partner Center shape: {@code {code, description, data, source}}.
 *
 * <p>Guarantees, checked when the object is built:
 * <ul>
 *   <li>{@code code} is non-null and not blank, at most {@link ModelLimits#MAX_TOKEN_LENGTH};</li>
 *   <li>{@code description} is non-empty and at most {@link Descriptions#MAX_LENGTH} UTF-16 code
 *       units: a longer one is cut by {@link Descriptions#fit(String)}, never rejected;</li>
 *   <li>{@code data} is never null, holds at most {@link ModelLimits#MAX_ENTRIES} entries per
 *       level and nests at most {@link ModelLimits#MAX_DEPTH} levels;</li>
 *   <li>{@code source} is never null (it may be empty for a {@code data} entry that names no
 *       request element), at most {@link ModelLimits#MAX_TOKEN_LENGTH}.</li>
 * </ul>
 * Instances are immutable and safe to share between threads.
 */
public final class PartnerCenterError {

    private final String code;
    private final String description;
    private final List<PartnerCenterError> data;
    private final String source;
    private final int depth;

    private PartnerCenterError(Builder builder) {
        this.code = ModelLimits.requireToken(Descriptions.requireNonBlank(builder.code, "code"), "code");
        this.description = Descriptions.fit(builder.description);
        this.data = ModelLimits.requireEntries(builder.data, "data");
        this.source = ModelLimits.requireToken(Objects.requireNonNullElse(builder.source, ""), "source");
        // Entries are immutable and already validated: their depth is known, so this is O(entries).
        int max = 0;
        for (PartnerCenterError entry : data) {
            max = Math.max(max, entry.depth);
        }
        this.depth = max + 1;
        if (depth > ModelLimits.MAX_DEPTH) {
            throw new IllegalArgumentException("data nests " + depth + " levels deep, max " + ModelLimits.MAX_DEPTH);
        }
    }

    /** Starts a builder; {@code code} and {@code description} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Shorthand for an error without {@code data}. */
    public static PartnerCenterError of(String code, String description, String source) {
        return builder().code(code).description(description).source(source).build();
    }

    /** Indicates the kind of error that occurred. */
    public String code() {
        return code;
    }

    /** Describes the error; at most 1024 UTF-16 code units, ending in {@code …} if it was cut. */
    public String description() {
        return description;
    }

    /** The nested errors (one per field violation, say); empty, never null. */
    public List<PartnerCenterError> data() {
        return data;
    }

    /** The component that produced the error, or for a {@code data} entry the offending element. */
    public String source() {
        return source;
    }

    /** Levels of nesting, this error included: 1 without data. */
    public int depth() {
        return depth;
    }

    /** A builder holding this error's values, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().code(code).description(description).data(data).source(source);
    }

    /**
     * The same error in the Partner API shape: {@code description} becomes {@code message},
     * {@code source} becomes {@code target} (absent when empty), {@code data} becomes
     * {@code details}. There is no inner error.
     */
    public PartnerApiError toPartnerApi() {
        List<PartnerApiError> details = new ArrayList<>(data.size());
        for (PartnerCenterError entry : data) {
            details.add(entry.toPartnerApi());
        }
        return PartnerApiError.builder()
                .code(code)
                .message(description)
                .target(source.isEmpty() ? null : source)
                .details(details)
                .build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PartnerCenterError)) {
            return false;
        }
        PartnerCenterError other = (PartnerCenterError) o;
        return code.equals(other.code) && description.equals(other.description)
                && data.equals(other.data) && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, description, data, source);
    }

    /** Code, source and the first 80 characters of the description; never the whole body. */
    @Override
    public String toString() {
        return "PartnerCenterError{code=" + code + ", source=" + source
                + ", description=" + Texts.abbreviate(description, 80)
                + (data.isEmpty() ? "" : ", data=" + data.size() + " entries") + "}";
    }

    /** Builds a {@link PartnerCenterError}; not thread-safe, reusable. */
    public static final class Builder {
        private String code;
        private String description;
        private List<PartnerCenterError> data = List.of();
        private boolean ownsData;
        private String source = "";

        private Builder() {
        }

        /** Required: the kind of error. */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /** Required: the text; cut to 1024 UTF-16 code units if longer. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** The nested errors; null means none. */
        public Builder data(List<PartnerCenterError> data) {
            // Kept by reference: build() takes the one immutable copy, and addData() copies first.
            this.data = data == null ? List.of() : data;
            this.ownsData = false;
            return this;
        }

        /** Appends one nested error. */
        public Builder addData(PartnerCenterError entry) {
            if (!ownsData) {
                data = new ArrayList<>(data);
                ownsData = true;
            }
            data.add(entry);
            return this;
        }

        /** The component that produced the error; null means empty. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the first rule the values break
         */
        public PartnerCenterError build() {
            return new PartnerCenterError(this);
        }
    }
}
