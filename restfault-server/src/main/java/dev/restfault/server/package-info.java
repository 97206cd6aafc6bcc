/**
 * The rendering core of every server adapter: {@link dev.restfault.server.ErrorRenderer} turns a
 * failure or a {@link dev.restfault.core.exception.ContractException} and the request's
 * {@link dev.restfault.server.RequestFacts} into a {@link dev.restfault.server.RenderedError}
 * (status, headers, bytes). Adapters translate their framework's exceptions with
 * {@link dev.restfault.server.ExceptionTranslator}s and copy the result to their response.
 */
package dev.restfault.server;
