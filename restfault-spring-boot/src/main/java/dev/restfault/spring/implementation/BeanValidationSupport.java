package dev.restfault.spring.implementation;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.model.ModelLimits;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.spring.ExceptionTranslator;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.context.MessageSourceResolvable;

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
    public static BiFunction<MessageSourceResolvable, Locale, Optional<String>> interpolator(Object validatorFactory) {
        if (!(validatorFactory instanceof ValidatorFactory)) {
            return null;
        }
        MessageInterpolator interpolator = ((ValidatorFactory) validatorFactory).getMessageInterpolator();
        return (error, locale) -> {
            if (!(error instanceof org.springframework.validation.ObjectError)) {
                return Optional.empty();
            }
            org.springframework.validation.ObjectError objectError = (org.springframework.validation.ObjectError) error;
            if (!objectError.contains(ConstraintViolation.class)) {
                return Optional.empty();
            }
            ConstraintViolation<?> v = objectError.unwrap(ConstraintViolation.class);
            return Optional.ofNullable(interpolator.interpolate(v.getMessageTemplate(), context(v), locale));
        };
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

    /** Translates {@link ConstraintViolationException} into a 400 with one entry per violation. */
    public static ExceptionTranslator constraintViolations(Object validatorFactory, ContractMessages messages,
            java.util.function.Function<HttpServletRequest, Locale> localeOf, boolean details) {
        MessageInterpolator interpolator = validatorFactory instanceof ValidatorFactory
                ? ((ValidatorFactory) validatorFactory).getMessageInterpolator() : null;
        return (failure, request) -> {
            if (!(failure instanceof ConstraintViolationException)) {
                return Optional.empty();
            }
            Set<ConstraintViolation<?>> violations = ((ConstraintViolationException) failure).getConstraintViolations();
            int count = violations == null ? 0 : violations.size();
            ContractException.Builder b = ContractException.builder(400).messageKey(ContractMessages.VALIDATION_FAILED, count);
            if (details && violations != null) {
                Locale locale = localeOf.apply(request);
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

    /** The property path without the method node: "create.name" of a method becomes "name". */
    private static String path(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node n : path) {
            if (n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (n.getName() == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(n.getName());
            if (n.getIndex() != null) {
                sb.append('[').append(n.getIndex()).append(']');
            } else if (n.getKey() != null) {
                sb.append('[').append(n.getKey()).append(']');
            }
        }
        return sb.toString();
    }
}
