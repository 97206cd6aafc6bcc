package dev.restfault.spring.web;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.model.ModelLimits;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.server.ExceptionTranslator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Bean Validation parts, loaded only when {@code jakarta.validation} is on the class path:
 * translating {@link ConstraintViolationException} (method validation outside Spring MVC, such
 * as a {@code @Validated} service) and re-interpolating a violation's message in the error's
 * language.
 */
public final class BeanValidationSupport {

    private BeanValidationSupport() {
    }

    /**
     * Re-interpolates with the factory's interpolator (empty when the error is not a violation);
     * null when {@code validatorFactory} is not a {@code ValidatorFactory}.
     */
    public static BiFunction<Object, Locale, Optional<String>> interpolator(Object validatorFactory) {
        if (!(validatorFactory instanceof ValidatorFactory)) {
            return null;
        }
        MessageInterpolator interpolator = ((ValidatorFactory) validatorFactory).getMessageInterpolator();
        return (source, locale) -> violation(source)
                .map(v -> interpolator.interpolate(v.getMessageTemplate(), context(v), locale));
    }

    /** The violation {@code source} is ({@code ConstraintViolation}) or wraps (a Spring {@code ObjectError}). */
    private static Optional<ConstraintViolation<?>> violation(Object source) {
        if (source instanceof ConstraintViolation) {
            return Optional.of((ConstraintViolation<?>) source);
        }
        if (source instanceof org.springframework.validation.ObjectError
                && ((org.springframework.validation.ObjectError) source).contains(ConstraintViolation.class)) {
            return Optional.of(((org.springframework.validation.ObjectError) source).unwrap(ConstraintViolation.class));
        }
        return Optional.empty();
    }

    /** Whether a Spring validation error wraps a Bean Validation {@link ConstraintViolation}. */
    public static java.util.function.Predicate<Object> isConstraintViolation() {
        return source -> violation(source).isPresent();
    }

    private static MessageInterpolator.Context context(ConstraintViolation<?> v) {
        return new MessageInterpolator.Context() {
            @Override
            public ConstraintDescriptor<?> getConstraintDescriptor() {
                return v.getConstraintDescriptor();
            }

            @Override
            public Object getValidatedValue() {
                return v.getInvalidValue();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                if (type.isInstance(this)) {
                    return type.cast(this);
                }
                throw new jakarta.validation.ValidationException("cannot unwrap to " + type.getName());
            }
        };
    }

    /**
     * Translates {@link ConstraintViolationException} into a 400 with one entry per violation when
     * every violation is about a method or constructor parameter (the caller passed a bad value).
     * Any other violation (of a return value, or of a bean validated by hand) is a server bug: not
     * translated, so it is answered as an unexpected 500 and logged at ERROR.
     *
     * Nested texts are written in the request's negotiated language, as the body's.
     */
    public static ExceptionTranslator constraintViolations(Object validatorFactory, ContractMessages messages, boolean details) {
        MessageInterpolator interpolator = validatorFactory instanceof ValidatorFactory
                ? ((ValidatorFactory) validatorFactory).getMessageInterpolator() : null;
        return (failure, request) -> {
            if (!(failure instanceof ConstraintViolationException)) {
                return Optional.empty();
            }
            Set<ConstraintViolation<?>> violations = ((ConstraintViolationException) failure).getConstraintViolations();
            if (violations == null || violations.isEmpty() || !violations.stream().allMatch(BeanValidationSupport::aboutAParameter)) {
                return Optional.empty();
            }
            int count = violations == null ? 0 : violations.size();
            ContractException.Builder b = ContractException.builder(400).messageKey(ContractMessages.VALIDATION_FAILED, count);
            if (details && violations != null) {
                Locale locale = request.locale();
                List<PartnerCenterError> data = new ArrayList<>();
                for (ConstraintViolation<?> v : violations) {
                    if (data.size() == ModelLimits.MAX_ENTRIES) {
                        break;
                    }
                    String text = null;
                    if (interpolator != null) {
                        try {
                            text = interpolator.interpolate(v.getMessageTemplate(), context(v), locale);
                        } catch (RuntimeException notReinterpolable) {
                            text = null;
                        }
                    }
                    if (text == null || text.isEmpty()) {
                        text = v.getMessage() != null && !v.getMessage().isEmpty() ? v.getMessage()
                                : messages.statusDescription(400, locale);
                    }
                    String name = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                    data.add(PartnerCenterError.builder()
                            .code(Character.toLowerCase(name.charAt(0)) + name.substring(1))
                            .description(text).source(path(v.getPropertyPath())).build());
                }
                b.data(data);
            }
            return Optional.of(b.build());
        };
    }

    /** Whether the violation is about an argument: its path has a parameter (or cross-parameter) node. */
    private static boolean aboutAParameter(ConstraintViolation<?> v) {
        if (v == null || v.getPropertyPath() == null) {
            return false;
        }
        for (Path.Node n : v.getPropertyPath()) {
            if (n.getKind() == ElementKind.PARAMETER || n.getKind() == ElementKind.CROSS_PARAMETER) {
                return true;
            }
        }
        return false;
    }

    /**
     * The property path without the method node: "create.name" of a method becomes "name". Bean
     * Validation's synthetic node names ({@code <list element>}, {@code <map value>},
     * {@code <cross-parameter>}...) are left out; their index or key is kept: "names[1]".
     */
    static String path(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node n : path) {
            if (n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            String name = n.getName();
            if (name != null && !name.startsWith("<")) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(name);
            }
            if (n.getIndex() != null) {
                sb.append('[').append(n.getIndex()).append(']');
            } else if (n.getKey() != null) {
                sb.append('[').append(n.getKey()).append(']');
            }
        }
        return sb.toString();
    }
}
