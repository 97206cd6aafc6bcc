/**
 * restfault-server: the one rendering core every server adapter uses. It turns a failure (or a
 * {@code ContractException}) and the request's facts into the contract error: status, headers and
 * bytes. No servlet, no Spring: an adapter only translates its framework's exceptions and does the
 * I/O.
 *
 * <ul>
 *   <li>{@code dev.restfault.server}: {@link dev.restfault.server.ErrorRenderer} (negotiation,
 *       translation, logging policy, body and headers), what it reads
 *       ({@link dev.restfault.server.RequestFacts}, {@link dev.restfault.server.HeaderLookup},
 *       {@link dev.restfault.server.CorrelationIds}), what translators see
 *       ({@link dev.restfault.server.ErrorRequest}), the extension point
 *       ({@link dev.restfault.server.ExceptionTranslator}), what it returns
 *       ({@link dev.restfault.server.RenderedError}) and the errors that carry only a status
 *       ({@link dev.restfault.server.StatusErrors});</li>
 *   <li>{@code dev.restfault.server.implementation}: not exported.</li>
 * </ul>
 */
module dev.restfault.server {
    requires transitive dev.restfault.core;
    requires transitive dev.restfault.json;

    exports dev.restfault.server;
}
