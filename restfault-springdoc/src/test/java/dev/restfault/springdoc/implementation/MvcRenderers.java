package dev.restfault.springdoc.implementation;

import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.json.ErrorWriter;
import dev.restfault.server.ErrorRenderer;
import dev.restfault.server.ExceptionTranslator;
import dev.restfault.spring.MessageSourceMessageProvider;
import dev.restfault.spring.RestfaultProperties;
import dev.restfault.spring.autoconfigure.RestfaultAutoConfiguration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/**
 * The renderer a Spring MVC service gets from restfault's starter, built by the starter's own bean
 * method (Spring MVC's, Spring Security's and Bean Validation's translators included) outside a
 * running application, for tests that only need the renderer.
 */
final class MvcRenderers {

    private MvcRenderers() {
    }

    /** {@code restfault.*} with a source, path formats and problem details; everything else the default. */
    static RestfaultProperties properties(String source, Map<String, ErrorFormat> formats, boolean problemDetails) {
        // Bound as the application binds them, so that a property added to the starter keeps its default here.
        Map<String, String> values = new HashMap<>();
        values.put("restfault.source", source);
        values.put("restfault.problem-details", Boolean.toString(problemDetails));
        formats.forEach((prefix, format) -> values.put("restfault.formats[" + prefix + "]", format.name()));
        return new Binder(new MapConfigurationPropertySource(values)).bind("restfault", RestfaultProperties.class)
                .get();
    }

    /** The starter's renderer for {@code properties}, with no application translator. */
    static ErrorRenderer of(RestfaultProperties properties) {
        // Left open: the renderer's texts are read through the context's MessageSource. It holds no bean.
        GenericApplicationContext context = new GenericApplicationContext();
        context.refresh();
        // The texts and the writer as the starter's shared beans make them.
        ContractMessages messages = ContractMessages.builder().add(new MessageSourceMessageProvider(context)).useServiceLoader(true)
                .build();
        return new RestfaultAutoConfiguration().restfaultErrorRenderer(properties, messages, ErrorWriter.standard(),
                context.getBeanProvider(ExceptionTranslator.class), new StandardEnvironment(), context);
    }
}
