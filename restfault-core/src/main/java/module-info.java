/**
 * restfault-core: the Partner Center REST error contract with no dependencies.
 *
 * <ul>
 *   <li>{@code catalog}: the one table of error statuses;</li>
 *   <li>{@code model}: the Partner Center, Partner API and problem-details error types;</li>
 *   <li>{@code exception}: the exception servers throw;</li>
 *   <li>{@code http}: header values (challenge, Retry-After, request ids);</li>
 *   <li>{@code i18n}: locale resolution and localized texts;</li>
 *   <li>{@code annotation}: the errors an operation answers, declared for documentation tools.</li>
 * </ul>
 */
module dev.restfault.core {
    exports dev.restfault.core.catalog;
    exports dev.restfault.core.model;
    exports dev.restfault.core.exception;
    exports dev.restfault.core.http;
    exports dev.restfault.core.i18n;
    exports dev.restfault.core.annotation;

    uses dev.restfault.core.i18n.MessageProvider;
}
