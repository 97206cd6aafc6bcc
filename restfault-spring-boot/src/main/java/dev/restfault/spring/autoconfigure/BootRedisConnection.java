package dev.restfault.spring.autoconfigure;

import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import java.util.Optional;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Spring Boot's Redis connection ({@code spring.data.redis.*}, or a Docker Compose or
 * Testcontainers service connection) as Lettuce's {@link RedisURI}, for the throttling's own
 * client: its options (timeouts, no queueing while disconnected) are the store's, not those of
 * the application's Redis connection factory, and nothing of Spring Data Redis is used.
 * Standalone and Sentinel; a cluster or static master/replica setup is refused at start-up.
 */
final class BootRedisConnection {

    private BootRedisConnection() {
    }

    /**
     * @param clientName {@code spring.data.redis.client-name}, or null
     * @throws IllegalArgumentException for a cluster or master/replica connection
     */
    static RedisURI uri(DataRedisConnectionDetails details, String clientName) {
        if (details.getCluster() != null) {
            throw new IllegalArgumentException("restfault.throttling.store=redis needs a standalone Redis or Sentinel;"
                    + " spring.data.redis.cluster is not supported");
        }
        if (details.getMasterReplica() != null) {
            throw new IllegalArgumentException("restfault.throttling.store=redis needs a standalone Redis or Sentinel;"
                    + " spring.data.redis.masterreplica is not supported");
        }
        RedisURI.Builder b;
        DataRedisConnectionDetails.Sentinel sentinel = details.getSentinel();
        if (sentinel != null) {
            b = RedisURI.builder().withSentinelMasterId(sentinel.getMaster()).withDatabase(sentinel.getDatabase());
            for (DataRedisConnectionDetails.Node node : sentinel.getNodes()) {
                if (sentinel.getPassword() != null) {
                    b.withSentinel(node.host(), node.port(), sentinel.getPassword());
                } else {
                    b.withSentinel(node.host(), node.port());
                }
            }
        } else {
            DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
            b = RedisURI.builder().withHost(standalone.getHost()).withPort(standalone.getPort()).withDatabase(standalone.getDatabase());
        }
        if (details.getPassword() != null) {
            if (details.getUsername() != null) {
                b.withAuthentication(details.getUsername(), details.getPassword());
            } else {
                b.withPassword(details.getPassword().toCharArray());
            }
        }
        if (details.getSslBundle() != null) {
            b.withSsl(true);
        }
        if (clientName != null && !clientName.isBlank()) {
            b.withClientName(clientName);
        }
        return b.build();
    }

    /** Lettuce's TLS options from the connection's SSL bundle, if it has one. */
    static Optional<SslOptions> sslOptions(DataRedisConnectionDetails details) {
        SslBundle bundle = details.getSslBundle();
        if (bundle == null) {
            return Optional.empty();
        }
        return Optional.of(SslOptions.builder()
                .jdkSslProvider()
                .keyManager(bundle.getManagers().getKeyManagerFactory())
                .trustManager(bundle.getManagers().getTrustManagerFactory())
                .build());
    }
}
