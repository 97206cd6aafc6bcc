package dev.restfault.client.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.client.ContractErrorException;
import dev.restfault.client.ErrorDecoder;
import dev.restfault.client.RequestContext;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The default policy's decisions, one rule at a time, without a network. */
class DefaultRetryPolicyTest {

    private static final URI URI_ = URI.create("http://127.0.0.1/x");
    private static final String ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static ContractErrorException error(int status, String method, boolean requestId, String retryAfter, int attempt) {
        RequestContext ctx = RequestContext.of(method, URI_).withAttempt(attempt).withRequestId(requestId ? ID : null);
        HttpHeaders h = HttpHeaders.of(retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter)), (n, v) -> true);
        return ErrorDecoder.standard().decode(status, h, null, ctx);
    }

    private static RetryDecision decide(RetryPolicy p, ContractErrorException e) {
        return p.onFailure(new RetryContext(e, Duration.ZERO));
    }

    private static final RetryPolicy POLICY = DefaultRetryPolicy.create(RetryOptions.builder().maxAttempts(5)
            .budget(RetryBudget.unlimited()).build(), new Random(1));

    @Test
    void statusRulesComeFromTheCatalog() {
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 409, 412, 501}) {
            assertThat(decide(POLICY, error(status, "GET", true, "1", 1)).stopReason())
                    .as("status %d", status).contains(StopReason.NOT_RETRYABLE);
        }
        // 429: always, after Retry-After.
        assertThat(decide(POLICY, error(429, "POST", false, "2", 1))).isEqualTo(RetryDecision.retryAfter(Duration.ofSeconds(2)));
        // 429 without Retry-After: backoff.
        assertThat(decide(POLICY, error(429, "POST", false, null, 1)).shouldRetry()).isTrue();
        // 503/504: with Retry-After always, else as 500.
        assertThat(decide(POLICY, error(503, "POST", false, "1", 1))).isEqualTo(RetryDecision.retryAfter(Duration.ofSeconds(1)));
        assertThat(decide(POLICY, error(504, "POST", false, "1", 1)).shouldRetry()).isTrue();
        assertThat(decide(POLICY, error(503, "POST", false, null, 1)).stopReason()).contains(StopReason.NOT_RETRYABLE);
        assertThat(decide(POLICY, error(503, "GET", false, null, 1)).shouldRetry()).isTrue();
        // 500/502: idempotent methods, or with an MS-RequestId.
        for (String m : new String[] {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}) {
            assertThat(decide(POLICY, error(500, m, false, null, 1)).shouldRetry()).as(m).isTrue();
        }
        assertThat(decide(POLICY, error(500, "POST", false, null, 1)).stopReason()).contains(StopReason.NOT_RETRYABLE);
        assertThat(decide(POLICY, error(502, "PATCH", false, null, 1)).stopReason()).contains(StopReason.NOT_RETRYABLE);
        assertThat(decide(POLICY, error(500, "POST", true, null, 1)).shouldRetry()).isTrue();
    }

    @Test
    void attemptLimitRetryAfterCapDeadlineAndBudget() {
        assertThat(decide(POLICY, error(500, "GET", false, null, 5)).stopReason()).contains(StopReason.ATTEMPTS_EXHAUSTED);
        assertThat(decide(POLICY, error(500, "GET", false, null, 4)).shouldRetry()).isTrue();

        RetryPolicy capped = DefaultRetryPolicy.create(RetryOptions.builder().maxRetryAfter(Duration.ofSeconds(10)).build());
        assertThat(decide(capped, error(429, "GET", false, "11", 1)).stopReason()).contains(StopReason.RETRY_AFTER_TOO_LONG);
        assertThat(decide(capped, error(429, "GET", false, "10", 1))).isEqualTo(RetryDecision.retryAfter(Duration.ofSeconds(10)));
        // Beyond a day the value is no delay, but it still stops the retries, even where the
        // catalog would otherwise not retry without a Retry-After (a POST's 503).
        assertThat(decide(POLICY, error(429, "GET", false, "172800", 1)).stopReason()).contains(StopReason.RETRY_AFTER_TOO_LONG);
        assertThat(decide(POLICY, error(503, "POST", false, "172800", 1)).stopReason()).contains(StopReason.RETRY_AFTER_TOO_LONG);
        // ... without counting as a usable Retry-After for the catalog's rule: a policy of one's
        // own that reads retryPermitted() does not resend that POST.
        assertThat(error(503, "POST", false, "172800", 1).retryPermitted()).isFalse();
        assertThat(RetryPolicy.never().onFailure(new RetryContext(error(503, "POST", false, "172800", 1), Duration.ZERO))
                .shouldRetry()).isFalse();

        RetryPolicy deadline = DefaultRetryPolicy.create(RetryOptions.builder().deadline(Duration.ofSeconds(5)).build());
        assertThat(deadline.onFailure(new RetryContext(error(429, "GET", false, "2", 1), Duration.ofSeconds(3))).stopReason())
                .contains(StopReason.DEADLINE_EXCEEDED);
        assertThat(deadline.onFailure(new RetryContext(error(429, "GET", false, "2", 1), Duration.ofMillis(2900))).shouldRetry())
                .isTrue();
        assertThat(deadline.deadline()).contains(Duration.ofSeconds(5));

        // Budget: reserve 1, half a token per call.
        DefaultRetryPolicy budget = DefaultRetryPolicy.create(RetryOptions.builder().maxAttempts(10)
                .budget(RetryBudget.of(1, 0.5)).build());
        budget.onCallStarted();
        assertThat(decide(budget, error(500, "GET", false, null, 1)).shouldRetry()).isTrue();
        assertThat(decide(budget, error(500, "GET", false, null, 2)).stopReason()).contains(StopReason.BUDGET_EXHAUSTED);
        budget.onCallStarted();
        assertThat(decide(budget, error(500, "GET", false, null, 1)).stopReason()).contains(StopReason.BUDGET_EXHAUSTED);
        budget.onCallStarted(); // two calls: one more token
        assertThat(budget.budgetRemaining()).isEqualTo(1);
        assertThat(decide(budget, error(500, "GET", false, null, 1)).shouldRetry()).isTrue();
        // A refused retry spends nothing.
        assertThat(decide(budget, error(404, "GET", false, null, 1)).stopReason()).contains(StopReason.NOT_RETRYABLE);
    }

    @Test
    void backoffIsCappedExponentialWithFullJitter() {
        Backoff b = Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(b.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(b.ceiling(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(b.ceiling(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(b.ceiling(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.ceiling(1000)).isEqualTo(Duration.ofSeconds(1)); // no overflow
        Random random = new Random(42);
        long below = 0;
        for (int i = 0; i < 1000; i++) {
            Duration d = b.delay(3, random);
            assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(400));
            if (d.compareTo(Duration.ofMillis(200)) < 0) {
                below++;
            }
        }
        // Full jitter: uniform over [0, ceiling], so about half fall in the lower half.
        assertThat(below).isBetween(400L, 600L);
        assertThatThrownBy(() -> b.ceiling(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), Duration.ofHours(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.exponential(null, Duration.ofSeconds(1))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void optionValidation() {
        assertThatThrownBy(() -> RetryOptions.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryOptions.builder().maxAttempts(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryOptions.builder().deadline(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryOptions.builder().maxRetryAfter(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryOptions.builder().maxRetryAfter(Duration.ofDays(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryBudget.of(-1, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryBudget.of(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryBudget.of(1, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryDecision.retryAfter(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryContext(null, Duration.ZERO)).isInstanceOf(NullPointerException.class);
        assertThat(RetryOptions.defaults().toBuilder().build()).isEqualTo(RetryOptions.defaults());
        assertThat(RetryOptions.defaults().maxAttempts()).isEqualTo(3);
    }

    @Test
    void neverRetries() {
        assertThat(decide(RetryPolicy.never(), error(429, "GET", false, "1", 1)).stopReason()).contains(StopReason.ATTEMPTS_EXHAUSTED);
        assertThat(decide(RetryPolicy.never(), error(400, "GET", false, null, 1)).stopReason()).contains(StopReason.NOT_RETRYABLE);
    }
}
