package dev.restfault.spring.reactive;

import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.server.ExceptionTranslator;
import java.util.ArrayList;
import java.util.List;

/** The translations only the WebFlux stack needs, before the common Spring ones. */
public final class ReactiveTranslators {

    private ReactiveTranslators() {
    }

    /**
     * The built-in translators of a WebFlux application, in the order they are asked.
     *
     * @param messages restfault's texts
     * @param common the translations every Spring web stack shares
     */
    public static List<ExceptionTranslator> builtIn(ContractMessages messages, List<ExceptionTranslator> common) {
        List<ExceptionTranslator> all = new ArrayList<>(common.size() + 1);
        all.add(new WebFluxExceptionTranslator(messages));
        all.addAll(common);
        return all;
    }
}
