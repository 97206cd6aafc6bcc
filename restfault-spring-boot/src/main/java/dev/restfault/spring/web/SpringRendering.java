package dev.restfault.spring.web;

import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.model.Descriptions;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.json.ErrorWriter;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.ExceptionTranslator;
import dev.restfault.server.PathFormat;
import dev.restfault.spring.MessageSourceMessageProvider;
import dev.restfault.spring.RestfaultProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * What every Spring web adapter (Spring MVC, WebFlux) builds the same way: the
 * rendering core from {@code restfault.*}, and restfault's translations of the Spring exceptions
 * that are not tied to one web stack (Spring Security, Bean Validation, spring-web). An adapter adds
 * its own stack's translations and does the I/O.
 */
public final class SpringRendering {

    private static final Logger LOG = LoggerFactory.getLogger(SpringRendering.class);
    private static final ClassLoader LOADER = SpringRendering.class.getClassLoader();
    /** Whether Spring Security is on the class path: its exceptions get 401 and 403. */
    public static final boolean SECURITY_PRESENT = ClassUtils.isPresent("org.springframework.security.core.AuthenticationException", LOADER);
    /** Whether Bean Validation is on the class path: violations are described in the error's language. */
    public static final boolean VALIDATION_PRESENT = ClassUtils.isPresent("jakarta.validation.ValidatorFactory", LOADER);

    private SpringRendering() {
    }

    /**
     * The rendering core configured by {@code properties}: its source, formats, problem details,
     * locales and challenge, the application's translators asked first, {@code builtInTranslators}
     * last, logging to SLF4J under {@value ErrorRenderer#LOGGER_NAME}.
     */
    public static ErrorRenderer renderer(RestfaultProperties properties, Environment environment, ContractMessages messages,
            ErrorWriter writer, List<ExceptionTranslator> applicationTranslators, List<ExceptionTranslator> builtInTranslators) {
        if (properties.challenge().cid() == null) {
            LOG.warn("restfault.challenge.cid is not set: 401 responses carry a bare 'OAuth' challenge "
                    + "instead of OAuth realm=\"urn:cpsvc:cpid:<cid>\"");
        }
        ErrorRenderer.Builder b = ErrorRenderer.builder(source(properties, environment))
                .messages(messages)
                .writer(writer)
                .defaultFormat(properties.format())
                .problemDetails(properties.problemDetails())
                .supportedLocales(properties.supportedLocales())
                .challenge(properties.challenge().toChallenge())
                .translators(applicationTranslators)
                .builtInTranslators(builtInTranslators)
                .logger(new Slf4jSystemLogger(LoggerFactory.getLogger(ErrorRenderer.LOGGER_NAME)));
        for (Map.Entry<String, ErrorFormat> f : properties.formats().entrySet()) {
            b.pathFormat(new PathFormat(f.getKey(), f.getValue()));
        }
        return b.build();
    }

    /**
     * restfault's translations of Spring exceptions common to every web stack, in the order they
     * are asked: Spring Security's (when present), Bean Validation's {@code ConstraintViolationException}
     * (when present), then spring-web's.
     */
    public static List<ExceptionTranslator> commonTranslators(ApplicationContext context, ContractMessages messages,
            RestfaultProperties properties) {
        Object validatorFactory = VALIDATION_PRESENT ? validatorFactory(context) : null;
        List<ExceptionTranslator> translators = new ArrayList<>();
        if (SECURITY_PRESENT) {
            translators.add(SecurityTranslator.translator());
        }
        if (VALIDATION_PRESENT) {
            translators.add(BeanValidationSupport.constraintViolations(validatorFactory, messages, properties.validationDetails()));
        }
        ViolationDescriber violations = new ViolationDescriber(messages, context, new MessageSourceMessageProvider(context),
                VALIDATION_PRESENT ? BeanValidationSupport.interpolator(validatorFactory) : null,
                VALIDATION_PRESENT ? BeanValidationSupport.isConstraintViolation() : null);
        translators.add(new SpringWebExceptionTranslator(messages, violations, properties.validationDetails()));
        return translators;
    }

    private static Object validatorFactory(ApplicationContext context) {
        String[] names = context.getBeanNamesForType(ClassUtils.resolveClassName("jakarta.validation.ValidatorFactory", LOADER),
                false, false);
        return names.length == 0 ? null : context.getBean(names[0]);
    }

    /** {@code restfault.source}, else {@code spring.application.name}, else "service". */
    static String source(RestfaultProperties properties, Environment environment) {
        if (properties.source() != null && !Descriptions.isBlank(properties.source())) {
            return properties.source();
        }
        String name = environment.getProperty("spring.application.name");
        return name != null && !Descriptions.isBlank(name) ? name : "service";
    }
}
