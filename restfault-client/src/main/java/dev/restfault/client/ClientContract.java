package dev.restfault.client;

import dev.restfault.client.retry.RetryListener;
import dev.restfault.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What a client integration applies to every call it makes through another HTTP library
 * (Spring's {@code RestClient}, {@code RestTemplate} and {@code WebClient}, OpenFeign): the
 * {@link CallHeaders} it adds, the {@link RetryPolicy} it retries by, the {@link RetryListener}
 * it tells, the {@link ErrorDecoder} that turns error responses into
 * {@link ContractErrorException}s, and how long it reads an error body.
 *
 * <p>The same settings as {@link RestfaultClient.Builder}, so every transport behaves the same.
 * Immutable and thread-safe. The retry policy is shared by every client configured with this
 * object, and so is its retry budget: build one per service called, as with
 * {@code RestfaultClient}.
 */
public final class ClientContract {

    /** Default time to read an error body once its headers arrived, as {@code RestfaultClient}'s body timeout. */
    public static final Duration DEFAULT_ERROR_BODY_TIMEOUT = Duration.ofSeconds(30);

    private final CallHeaders callHeaders;
    private final RetryPolicy retryPolicy;
    private final RetryListener listener;
    private final ErrorDecoder errorDecoder;
    private final Duration errorBodyTimeout;

    private ClientContract(Builder b) {
        this.callHeaders = b.callHeaders != null ? b.callHeaders : b.headers.build();
        this.retryPolicy = b.retryPolicy != null ? b.retryPolicy : RetryPolicy.defaults();
        this.listener = b.listener;
        this.errorDecoder = b.errorDecoder;
        this.errorBodyTimeout = b.errorBodyTimeout;
    }

    /** Every default: ids generated, {@link RetryPolicy#defaults()} (its own budget), the standard decoder. */
    public static ClientContract defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The headers every call gets: ids, {@code X-Locale}, {@code MS-Contract-Version}. */
    public CallHeaders callHeaders() {
        return callHeaders;
    }

    /** The policy every call retries by; shared, with its budget, by every client using this contract. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Told of every attempt, outcome and retry decision. */
    public RetryListener listener() {
        return listener;
    }

    /** Turns error responses into {@link ContractErrorException}s; its cap bounds every error body read. */
    public ErrorDecoder errorDecoder() {
        return errorDecoder;
    }

    /** The longest time spent reading an error body; a body still arriving then is cut, marked timed out. */
    public Duration errorBodyTimeout() {
        return errorBodyTimeout;
    }

    /** Starts a logical call with this contract's policy and listener. */
    public RetryingCall start(RequestContext context) {
        return RetryingCall.start(retryPolicy, listener, context);
    }

    @Override
    public String toString() {
        return "ClientContract{" + callHeaders + ", " + retryPolicy + ", error bodies up to " + errorDecoder.maxBodyBytes()
                + " bytes within " + errorBodyTimeout + "}";
    }

    /** Builds a {@link ClientContract}; setters validate at once. Not thread-safe. */
    public static final class Builder {
        private final CallHeaders.Builder headers = CallHeaders.builder();
        private CallHeaders callHeaders;
        private RetryPolicy retryPolicy;
        private RetryListener listener = RetryListener.NONE;
        private ErrorDecoder errorDecoder = ErrorDecoder.standard();
        private Duration errorBodyTimeout = DEFAULT_ERROR_BODY_TIMEOUT;

        private Builder() {
        }

        /**
         * The headers to add; replaces what {@link #locale}, {@link #contractVersion} and
         * {@link #generateRequestIds} set.
         *
         * @throws NullPointerException if null
         */
        public Builder callHeaders(CallHeaders callHeaders) {
            this.callHeaders = Objects.requireNonNull(callHeaders, "callHeaders");
            return this;
        }

        /** See {@link CallHeaders.Builder#locale(Locale)}. */
        public Builder locale(Locale locale) {
            headers.locale(locale);
            this.callHeaders = null;
            return this;
        }

        /** See {@link CallHeaders.Builder#contractVersion(String)}. */
        public Builder contractVersion(String version) {
            headers.contractVersion(version);
            this.callHeaders = null;
            return this;
        }

        /** See {@link CallHeaders.Builder#generateRequestIds(boolean)}. */
        public Builder generateRequestIds(boolean generate) {
            headers.generateRequestIds(generate);
            this.callHeaders = null;
            return this;
        }

        /** The retry policy; default a new {@link RetryPolicy#defaults()}. @throws NullPointerException if null */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Told of each attempt, outcome and retry decision; default none. @throws NullPointerException if null */
        public Builder listener(RetryListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How error bodies are decoded (cap, reader limits); default {@link ErrorDecoder#standard()}. */
        public Builder errorDecoder(ErrorDecoder decoder) {
            this.errorDecoder = Objects.requireNonNull(decoder, "decoder");
            return this;
        }

        /**
         * The longest time to read an error body once its headers arrived; default 30 s.
         *
         * @throws IllegalArgumentException if not positive or over a day
         * @throws NullPointerException if null
         */
        public Builder errorBodyTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "errorBodyTimeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("errorBodyTimeout must be positive and at most 1 day, was " + timeout);
            }
            this.errorBodyTimeout = timeout;
            return this;
        }

        public ClientContract build() {
            return new ClientContract(this);
        }
    }
}
