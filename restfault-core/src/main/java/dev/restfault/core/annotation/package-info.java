/**
 * Annotations that describe, for documentation tools, the contract errors an operation answers:
 * {@link dev.restfault.core.annotation.ContractError} declares a status the application throws
 * itself, {@link dev.restfault.core.annotation.UndocumentedErrors} leaves an operation out,
 * {@link dev.restfault.core.annotation.AnyErrorFormat} says the caller picks the error format. They
 * have no effect at run time and need nothing beyond restfault-core.
 */
package dev.restfault.core.annotation;
