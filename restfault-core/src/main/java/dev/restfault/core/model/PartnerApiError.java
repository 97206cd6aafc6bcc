package dev.restfault.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An error in the Partner API shape, the object under {@code "error"} in
 * {@code {"error": {code, message, target, innerError, details}}}.
 *
 * <p>Guarantees, checked when built: {@code code} non-blank; {@code message} non-empty and at
 * most 1024 UTF-16 code units (cut, never rejected, as {@link Descriptions#fit(String)} does);
 * {@code details} never null, bounded like {@link PartnerCenterError#data()}; the
 * {@code innerError} chain bounded by {@link ModelLimits#MAX_INNER_ERROR_DEPTH}. Immutable.
 *
 * <p>The Partner API documentation says its messages are not localized; restfault keeps that.
 */
public final class PartnerApiError {

    private final String code;
    private final String message;
    private final String target;
    private final InnerError innerError;
    private final List<PartnerApiError> details;

    private PartnerApiError(Builder b) {
        this.code = ModelLimits.requireToken(Descriptions.requireNonBlank(b.code, "code"), "code");
        this.message = Descriptions.fit(b.message == null ? null : b.message);
        this.target = ModelLimits.requireToken(b.target, "target");
        this.innerError = b.innerError;
        this.details = ModelLimits.requireEntries(b.details, "details");
        int depth = depth();
        if (depth > ModelLimits.MAX_DEPTH) {
            throw new IllegalArgumentException("details nest " + depth + " levels deep, max " + ModelLimits.MAX_DEPTH);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Shorthand for an error with only a code and a message. */
    public static PartnerApiError of(String code, String message) {
        return builder().code(code).message(message).build();
    }

    public String code() {
        return code;
    }

    /** Non-empty, at most 1024 UTF-16 code units. */
    public String message() {
        return message;
    }

    /** Where the error originated. */
    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    public Optional<InnerError> innerError() {
        return Optional.ofNullable(innerError);
    }

    /** Nested errors; empty, never null. */
    public List<PartnerApiError> details() {
        return details;
    }

    /** Levels of {@code details} nesting, this error included. */
    public int depth() {
        int max = 0;
        for (PartnerApiError d : details) {
            max = Math.max(max, d.depth());
        }
        return max + 1;
    }

    public Builder toBuilder() {
        return builder().code(code).message(message).target(target).innerError(innerError).details(details);
    }

    /**
     * The same error in the Partner Center shape: {@code message} becomes {@code description},
     * {@code target} becomes {@code source} ({@code defaultSource} when absent), {@code details}
     * become {@code data}. The Partner Center shape has no inner error: when there is one, its
     * deepest entry's code and message become one more {@code data} entry whose source is
     * {@code "innerError"}, so the most specific reason is not lost (except at the deepest level
     * the model allows, where that entry would break the depth bound and is left out).
     *
     * @param defaultSource the source to use when there is no target; null means empty
     */
    public PartnerCenterError toPartnerCenter(String defaultSource) {
        return toPartnerCenter(defaultSource, 1);
    }

    /**
     * @param level how deep this error sits in the converted tree (1 at the top): the inner
     *     error's entry is one level deeper, so at {@link ModelLimits#MAX_DEPTH} it is left out
     *     rather than breaking the bound a valid Partner API error already respects
     */
    private PartnerCenterError toPartnerCenter(String defaultSource, int level) {
        PartnerCenterError.Builder b = PartnerCenterError.builder()
                .code(code)
                .description(message)
                .source(target != null ? target : defaultSource);
        for (PartnerApiError d : details) {
            b.addData(d.toPartnerCenter("", level + 1));
        }
        if (innerError != null && details.size() < ModelLimits.MAX_ENTRIES && level < ModelLimits.MAX_DEPTH) {
            InnerError deepest = innerError.deepest();
            b.addData(PartnerCenterError.builder()
                    .code(deepest.code().orElse(code))
                    .description(deepest.message().orElse(message))
                    .source("innerError")
                    .build());
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PartnerApiError)) {
            return false;
        }
        PartnerApiError other = (PartnerApiError) o;
        return code.equals(other.code) && message.equals(other.message)
                && Objects.equals(target, other.target) && Objects.equals(innerError, other.innerError)
                && details.equals(other.details);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, message, target, innerError, details);
    }

    @Override
    public String toString() {
        return "PartnerApiError{code=" + code + ", target=" + target
                + ", message=" + Texts.abbreviate(message, 80)
                + (innerError == null ? "" : ", innerError=" + innerError)
                + (details.isEmpty() ? "" : ", details=" + details.size() + " entries") + "}";
    }

    /** Builds a {@link PartnerApiError}; not thread-safe, reusable. */
    public static final class Builder {
        private String code;
        private String message;
        private String target;
        private InnerError innerError;
        private List<PartnerApiError> details = List.of();

        private Builder() {
        }

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** Where the error originated; null means absent. */
        public Builder target(String target) {
            this.target = target;
            return this;
        }

        public Builder innerError(InnerError innerError) {
            this.innerError = innerError;
            return this;
        }

        public Builder details(List<PartnerApiError> details) {
            this.details = details == null ? List.of() : new ArrayList<>(details);
            return this;
        }

        public Builder addDetail(PartnerApiError detail) {
            if (!(details instanceof ArrayList)) {
                details = new ArrayList<>(details);
            }
            details.add(detail);
            return this;
        }

        /** @throws IllegalArgumentException naming the first rule the values break */
        public PartnerApiError build() {
            return new PartnerApiError(this);
        }
    }
}
