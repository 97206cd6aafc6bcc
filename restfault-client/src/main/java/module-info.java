/**
 * restfault-client: calls a Partner Center-style service over {@code java.net.http} and turns any
 * error response, well-formed or not, into one typed exception, retrying exactly when the
 * contract says it is safe.
 *
 * <ul>
 *   <li>{@code dev.restfault.client}: the {@link dev.restfault.client.RestfaultClient} facade,
 *       the {@link dev.restfault.client.ErrorDecoder} (usable without a network), and the
 *       exceptions, all under {@link dev.restfault.client.RestfaultException};</li>
 *   <li>{@code dev.restfault.client.retry}: the {@link dev.restfault.client.retry.RetryPolicy}
 *       strategy, its default implementation and options, and the
 *       {@link dev.restfault.client.retry.RetryListener} observability hook.</li>
 * </ul>
 *
 * <p>No HTTP library other than {@code java.net.http}; no logging framework (the few
 * diagnostics go to {@link java.lang.System.Logger}).
 */
module dev.restfault.client {
    requires transitive dev.restfault.core;
    requires transitive dev.restfault.json;
    requires transitive java.net.http;

    exports dev.restfault.client;
    exports dev.restfault.client.retry;
}
