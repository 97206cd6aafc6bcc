package dev.restfault.sandbox.guard;

import dev.restfault.core.exception.ContractException;
import dev.restfault.sandbox.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.web.servlet.HandlerInterceptor;

/** The guards in front of the API that are interceptors (the rate limit is the starter's filter); see {@link GuardConfiguration}. */
final class GuardInterceptors {

    private GuardInterceptors() {
    }

    /** 503 with the switch's {@code Retry-After} while maintenance is on. */
    static final class Maintenance implements HandlerInterceptor {
        private final MaintenanceSwitch maintenance;

        Maintenance(MaintenanceSwitch maintenance) {
            this.maintenance = maintenance;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            MaintenanceSwitch.State s = maintenance.state();
            if (s.enabled()) {
                throw ContractException.builder(503)
                        .code("maintenance")
                        .messageKey(Texts.MAINTENANCE)
                        .retryAfter(s.retryAfter())
                        .build();
            }
            return true;
        }
    }

    /** 503 with {@code Retry-After} when the bound on requests in flight is reached. */
    static final class Concurrency implements HandlerInterceptor {
        /** Marks a request that holds a slot, so only those give one back. */
        private static final String HOLDS_SLOT = Concurrency.class.getName() + ".slot";

        private final ConcurrencyLimiter limiter;
        private final Duration retryAfter;

        Concurrency(ConcurrencyLimiter limiter, Duration retryAfter) {
            this.limiter = limiter;
            this.retryAfter = retryAfter;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getAttribute(HOLDS_SLOT) != null) {
                return true; // a nested dispatch of a request that already holds a slot
            }
            if (!limiter.tryAcquire()) {
                throw ContractException.builder(503)
                        .code("overloaded")
                        .messageKey(Texts.OVERLOADED, limiter.max())
                        .retryAfter(retryAfter)
                        .build();
            }
            request.setAttribute(HOLDS_SLOT, Boolean.TRUE);
            return true;
        }

        @Override
        public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            // Spring calls this for every interceptor whose preHandle returned true, whatever
            // happened after; the attribute guards against a double release on error dispatches.
            if (request.getAttribute(HOLDS_SLOT) != null) {
                request.removeAttribute(HOLDS_SLOT);
                limiter.release();
            }
        }
    }
}
