package dev.restfault.throttling.implementation;

import dev.restfault.throttling.BucketProbe;
import dev.restfault.throttling.RateLimit;
import dev.restfault.throttling.RefillStyle;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderRefillStage;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Translation between restfault's limits and Bucket4j's configurations and probes. Not API. */
public final class Bucket4jLimits {

    private Bucket4jLimits() {
    }

    /** The Bucket4j configuration of a limit: one bandwidth, starting full. */
    public static BucketConfiguration configuration(RateLimit limit) {
        BandwidthBuilderRefillStage capacity = Bandwidth.builder().capacity(limit.capacity());
        Bandwidth bandwidth = limit.refillStyle() == RefillStyle.INTERVAL
                ? capacity.refillIntervally(limit.refillTokens(), limit.refillPeriod()).build()
                : capacity.refillGreedy(limit.refillTokens(), limit.refillPeriod()).build();
        return BucketConfiguration.builder().addLimit(bandwidth).build();
    }

    /**
     * A number that changes when the limit's buckets change (capacity, refill), the same in every
     * instance: Bucket4j replaces a stored bucket whose configuration has another version.
     */
    public static long configurationVersion(RateLimit limit) {
        long h = 1125899906842597L;
        h = 31 * h + limit.capacity();
        h = 31 * h + limit.refillTokens();
        h = 31 * h + limit.refillPeriod().toNanos();
        h = 31 * h + limit.refillStyle().ordinal();
        return h & Long.MAX_VALUE;
    }

    public static BucketProbe probe(ConsumptionProbe probe) {
        return probe.isConsumed()
                ? BucketProbe.permitted(probe.getRemainingTokens(), Math.max(0, probe.getNanosToWaitForReset()))
                : BucketProbe.rejected(Math.max(1, probe.getNanosToWaitForRefill()), Math.max(0, probe.getNanosToWaitForReset()));
    }
}
