/**
 * restfault-throttling: rate limits that answer with contract 429s and an exact
 * {@code Retry-After}, on one node or many, built on Bucket4j. No web framework: server adapters
 * call {@link dev.restfault.throttling.Throttle} and render its decision.
 *
 * <ul>
 *   <li>{@code dev.restfault.throttling}: limits, keys, routes, the throttle and its decision, the
 *       store interface and the in-memory store, the listener hook;</li>
 *   <li>{@code dev.restfault.throttling.redis}: the Redis store (Lettuce), for several instances;</li>
 *   <li>{@code dev.restfault.throttling.micrometer}: the listener that counts decisions in Micrometer.</li>
 * </ul>
 *
 * <p>Lettuce and Micrometer are optional: each package needs its library only when it is used.
 */
module dev.restfault.throttling {
    requires transitive dev.restfault.core;
    requires io.github.bucket4j.core;
    requires com.github.benmanes.caffeine;
    requires org.slf4j;

    requires static transitive lettuce.core;
    requires static transitive micrometer.core;

    exports dev.restfault.throttling;
    exports dev.restfault.throttling.redis;
    exports dev.restfault.throttling.micrometer;
}
