package dev.restfault.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 9457 problem details object, the bridge restfault serves to clients whose
 * {@code Accept} prefers {@code application/problem+json} and accepts from servers that send it.
 *
 * <p>The contract's members travel as extension members with their contract names:
 * {@code code}, {@code source} and {@code data}. Other extension members a reader met are kept
 * in {@link #extensions()} as text.
 *
 * <p>Guarantees: {@code type} is never null ({@code "about:blank"} by default, as RFC 9457
 * says); {@code status}, when present, is within 100..599; {@code detail} is cut to 1024 UTF-16
 * code units like a description; {@code data} and {@code extensions} are never null and at most
 * {@link ModelLimits#MAX_ENTRIES} long, and {@code data} nests at most
 * {@link ModelLimits#MAX_DEPTH} levels counting the problem itself. Immutable.
 */
public final class ProblemDetail {

    /** The default problem type of RFC 9457 section 4.2.1. */
    public static final String ABOUT_BLANK = "about:blank";

    private final String type;
    private final String title;
    private final Integer status;
    private final String detail;
    private final String instance;
    private final String code;
    private final String source;
    private final List<PartnerCenterError> data;
    private final Map<String, String> extensions;

    private ProblemDetail(Builder b) {
        this.type = b.type == null || b.type.isEmpty() ? ABOUT_BLANK : ModelLimits.requireToken(b.type, "type");
        this.title = b.title == null ? null : Descriptions.fit(b.title);
        if (b.status != null && (b.status < 100 || b.status > 599)) {
            throw new IllegalArgumentException("status must be within 100..599, was " + b.status);
        }
        this.status = b.status;
        this.detail = b.detail == null ? null : Descriptions.fit(b.detail);
        this.instance = ModelLimits.requireToken(b.instance, "instance");
        this.code = b.code == null ? null : ModelLimits.requireToken(Descriptions.requireNonBlank(b.code, "code"), "code");
        this.source = ModelLimits.requireToken(b.source, "source");
        this.data = ModelLimits.requireEntries(b.data, "data");
        for (PartnerCenterError entry : data) {
            // The problem's data are one level below the problem, as they are below a Partner
            // Center error: the same bound keeps the two convertible.
            if (entry.depth() + 1 > ModelLimits.MAX_DEPTH) {
                throw new IllegalArgumentException("data nests " + (entry.depth() + 1) + " levels deep, max "
                        + ModelLimits.MAX_DEPTH);
            }
        }
        if (b.extensions.size() > ModelLimits.MAX_ENTRIES) {
            throw new IllegalArgumentException("extensions has " + b.extensions.size()
                    + " members, max " + ModelLimits.MAX_ENTRIES);
        }
        Map<String, String> ext = new LinkedHashMap<>();
        b.extensions.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException("extension names and values must not be null");
            }
            ext.put(k, v);
        });
        this.extensions = java.util.Collections.unmodifiableMap(ext);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The problem details for a Partner Center error answered with {@code status}.
     *
     * @param title the status's reason phrase, in the language of the description
     */
    public static ProblemDetail from(PartnerCenterError error, int status, String title) {
        Objects.requireNonNull(error, "error");
        return builder()
                .title(title)
                .status(status)
                .detail(error.description())
                .code(error.code())
                .source(error.source())
                .data(error.data())
                .build();
    }

    public String type() {
        return type;
    }

    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    public Optional<Integer> status() {
        return Optional.ofNullable(status);
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    public Optional<String> instance() {
        return Optional.ofNullable(instance);
    }

    /** The contract's error code, carried as an extension member. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The contract's source, carried as an extension member. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The contract's nested errors, carried as an extension member; empty, never null. */
    public List<PartnerCenterError> data() {
        return data;
    }

    /** Other extension members, as text, in the order met. */
    public Map<String, String> extensions() {
        return extensions;
    }

    /**
     * This problem as a Partner Center error. {@code code} falls back to {@code fallbackCode};
     * the description is {@code detail}, else {@code title}, else {@code fallbackDescription};
     * {@code source} falls back to {@code fallbackSource}.
     *
     * @throws IllegalArgumentException if a fallback needed is null or empty
     */
    public PartnerCenterError toPartnerCenter(String fallbackCode, String fallbackDescription, String fallbackSource) {
        String description = detail != null ? detail : title != null ? title : fallbackDescription;
        return PartnerCenterError.builder()
                .code(code != null ? code : fallbackCode)
                .description(description)
                .source(source != null ? source : fallbackSource)
                .data(data)
                .build();
    }

    public Builder toBuilder() {
        Builder b = builder().type(type).title(title).status(status).detail(detail).instance(instance)
                .code(code).source(source).data(data);
        extensions.forEach(b::extension);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ProblemDetail)) {
            return false;
        }
        ProblemDetail p = (ProblemDetail) o;
        return type.equals(p.type) && Objects.equals(title, p.title) && Objects.equals(status, p.status)
                && Objects.equals(detail, p.detail) && Objects.equals(instance, p.instance)
                && Objects.equals(code, p.code) && Objects.equals(source, p.source)
                && data.equals(p.data) && extensions.equals(p.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, title, status, detail, instance, code, source, data, extensions);
    }

    @Override
    public String toString() {
        return "ProblemDetail{status=" + status + ", type=" + type + ", title=" + title + ", code=" + code
                + ", detail=" + Texts.abbreviate(detail, 80) + "}";
    }

    /** Builds a {@link ProblemDetail}; not thread-safe, reusable. */
    public static final class Builder {
        private String type;
        private String title;
        private Integer status;
        private String detail;
        private String instance;
        private String code;
        private String source;
        private List<PartnerCenterError> data = List.of();
        private final Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** The problem type URI; null or empty means {@code about:blank}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder status(Integer status) {
            this.status = status;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public Builder instance(String instance) {
            this.instance = instance;
            return this;
        }

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder data(List<PartnerCenterError> data) {
            this.data = data == null ? List.of() : new ArrayList<>(data);
            return this;
        }

        /** Adds an extension member other than the contract's own. */
        public Builder extension(String name, String value) {
            extensions.put(name, value);
            return this;
        }

        /** @throws IllegalArgumentException naming the first rule the values break */
        public ProblemDetail build() {
            return new ProblemDetail(this);
        }
    }
}
