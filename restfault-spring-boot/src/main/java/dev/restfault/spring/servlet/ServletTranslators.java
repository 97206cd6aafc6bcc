package dev.restfault.spring.servlet;

import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.server.ExceptionTranslator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.ClassUtils;

/**
 * The translations only a servlet stack needs, around the common Spring ones: Spring MVC's own
 * 404s first, the servlet containers' verdicts on malformed requests last.
 */
public final class ServletTranslators {

    private static final ClassLoader LOADER = ServletTranslators.class.getClassLoader();
    // The server adapters are compiled against Jetty and Tomcat but loaded only when the server
    // is there: the application runs on one of them (or neither), never needs both.
    private static final boolean JETTY_PRESENT = ClassUtils.isPresent("org.eclipse.jetty.http.HttpException", LOADER);
    private static final boolean TOMCAT_PRESENT = ClassUtils.isPresent("org.apache.tomcat.util.http.InvalidParameterException", LOADER)
            && ClassUtils.isPresent("org.apache.coyote.BadRequestException", LOADER);

    private ServletTranslators() {
    }

    /**
     * The built-in translators of a Spring MVC application, in the order they are asked.
     *
     * @param messages restfault's texts
     * @param common the translations every Spring web stack shares
     */
    public static List<ExceptionTranslator> builtIn(ContractMessages messages, List<ExceptionTranslator> common) {
        List<ExceptionTranslator> all = new ArrayList<>(common.size() + 3);
        all.add(new MvcExceptionTranslator(messages));
        all.addAll(common);
        // The server's own verdicts on a malformed request it meets only when the application
        // reads it (a bad percent-encoding in the query, a malformed chunked body): client errors.
        if (JETTY_PRESENT) {
            all.add(JettyRequestErrors.translator());
        }
        if (TOMCAT_PRESENT) {
            all.add(TomcatRequestErrors.translator());
        }
        return all;
    }
}
