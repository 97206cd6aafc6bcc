package dev.restfault.sandbox.upstream;

import dev.restfault.sandbox.config.SandboxProperties;
import dev.restfault.sandbox.config.SandboxProperties.UpstreamMode;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * What the built-in simulated upstream does now. Starts from {@code sandbox.upstream.mode};
 * the admin endpoint changes it at run time, so 502 and 504 can be provoked without a restart.
 * Thread-safe.
 */
@Component
public final class UpstreamSettings {

    private final AtomicReference<UpstreamMode> mode;

    UpstreamSettings(SandboxProperties properties) {
        this.mode = new AtomicReference<>(properties.upstream().mode());
    }

    /** What the built-in upstream does now. */
    public UpstreamMode mode() {
        return mode.get();
    }

    /**
     * Changes what the built-in upstream does, from the next call on.
     *
     * @throws NullPointerException if {@code next} is null
     */
    public void setMode(UpstreamMode next) {
        mode.set(Objects.requireNonNull(next, "mode"));
    }
}
