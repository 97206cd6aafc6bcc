package dev.restfault.core.catalog;

/**
 * What kind of failure a status reports, in the vocabulary of the Partner Center SDKs' error
 * categories (a superset of them), so code can {@code switch} on the kind without memorizing
 * status numbers.
 */
public enum ErrorCategory {
    /** The request is malformed or invalid (400, 411, 413, 416, 417, 422). */
    BAD_INPUT,
    /** No or invalid credentials (401). */
    UNAUTHORIZED,
    /** Valid credentials that do not allow the operation (403). */
    FORBIDDEN,
    /** The resource does not exist, or no longer does (404, 410). */
    NOT_FOUND,
    /** The operation is not valid on this resource, such as a wrong method (405). */
    INVALID_OPERATION,
    /** The representation asked for or sent is not supported (406, 415). */
    UNSUPPORTED_DATA_FORMAT,
    /** The request conflicts with the resource's state; the SDKs' "already exists" (409, 423). */
    CONFLICT,
    /** A conditional request's precondition, such as {@code If-Match}, does not hold (412). */
    PRECONDITION_FAILED,
    /** The caller is throttled (429). */
    TOO_MANY_REQUESTS,
    /** The server failed (500, 507, and any unknown 5xx). */
    SERVER_ERROR,
    /** The server does not implement the operation (501). */
    NOT_IMPLEMENTED,
    /** An upstream answered with garbage or could not be reached (502). */
    BAD_GATEWAY,
    /** The server is overloaded or in maintenance (503, 509). */
    SERVER_BUSY,
    /** An upstream did not answer in time (504). */
    GATEWAY_TIMEOUT,
    /** The server timed out waiting for the request (408). */
    REQUEST_TIMEOUT,
    /**
     * Client side only: a response arrived but its error body could not be understood. No
     * status maps here; a client reports it alongside the status's own category.
     */
    RESPONSE_PARSING
}
