package dev.restfault.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails.Node;
import org.springframework.boot.ssl.SslBundle;

/** Spring Boot's Redis connection details, as the throttling's Lettuce URI sees them. */
class BootRedisConnectionTest {

    private static RedisCredentials credentials(RedisURI uri) {
        return uri.getCredentialsProvider().resolveCredentials().block();
    }

    @Test
    void standaloneWithDatabaseUserPasswordAndClientName() {
        DataRedisConnectionDetails details = new DataRedisConnectionDetails() {
            @Override
            public String getUsername() {
                return "svc";
            }

            @Override
            public String getPassword() {
                return "s3cret";
            }

            @Override
            public Standalone getStandalone() {
                return Standalone.of("cache.internal", 6380, 3);
            }
        };
        RedisURI uri = BootRedisConnection.uri(details, "orders");
        assertThat(uri.getHost()).isEqualTo("cache.internal");
        assertThat(uri.getPort()).isEqualTo(6380);
        assertThat(uri.getDatabase()).isEqualTo(3);
        RedisCredentials credentials = credentials(uri);
        assertThat(credentials.getUsername()).isEqualTo("svc");
        assertThat(credentials.getPassword()).containsExactly("s3cret".toCharArray());
        assertThat(uri.getClientName()).isEqualTo("orders");
        assertThat(uri.isSsl()).isFalse();
        assertThat(BootRedisConnection.sslOptions(details)).isEmpty();
    }

    @Test
    void sentinelNodesMasterAndTheirOwnPassword() {
        DataRedisConnectionDetails details = new DataRedisConnectionDetails() {
            @Override
            public String getPassword() {
                return "data-pw";
            }

            @Override
            public Sentinel getSentinel() {
                return new Sentinel() {
                    @Override
                    public int getDatabase() {
                        return 1;
                    }

                    @Override
                    public String getMaster() {
                        return "mymaster";
                    }

                    @Override
                    public List<Node> getNodes() {
                        return List.of(new Node("s1", 26379), new Node("s2", 26380));
                    }

                    @Override
                    public String getUsername() {
                        return null;
                    }

                    @Override
                    public String getPassword() {
                        return "sentinel-pw";
                    }
                };
            }
        };
        RedisURI uri = BootRedisConnection.uri(details, null);
        assertThat(uri.getSentinelMasterId()).isEqualTo("mymaster");
        assertThat(uri.getDatabase()).isEqualTo(1);
        assertThat(uri.getSentinels()).extracting(RedisURI::getHost, RedisURI::getPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s1", 26379), org.assertj.core.groups.Tuple.tuple("s2", 26380));
        assertThat(credentials(uri.getSentinels().get(0)).getPassword()).containsExactly("sentinel-pw".toCharArray());
        assertThat(credentials(uri).getPassword()).containsExactly("data-pw".toCharArray());
    }

    @Test
    void anSslBundleTurnsTlsOnWithItsKeyAndTrustMaterial() {
        DataRedisConnectionDetails details = new DataRedisConnectionDetails() {
            @Override
            public SslBundle getSslBundle() {
                return SslBundle.systemDefault();
            }

            @Override
            public Standalone getStandalone() {
                return Standalone.of("cache.internal", 6379);
            }
        };
        assertThat(BootRedisConnection.uri(details, null).isSsl()).isTrue();
        assertThat(BootRedisConnection.sslOptions(details)).isPresent();
    }

    @Test
    void clusterAndMasterReplicaAreRefusedNamingTheProperty() {
        DataRedisConnectionDetails cluster = new DataRedisConnectionDetails() {
            @Override
            public Cluster getCluster() {
                return () -> List.of(new Node("c1", 7000));
            }
        };
        assertThatThrownBy(() -> BootRedisConnection.uri(cluster, null)).hasMessageContaining("spring.data.redis.cluster is not supported");
        DataRedisConnectionDetails replicas = new DataRedisConnectionDetails() {
            @Override
            public MasterReplica getMasterReplica() {
                return () -> List.of(new Node("r1", 6379));
            }
        };
        assertThatThrownBy(() -> BootRedisConnection.uri(replicas, null)).hasMessageContaining("spring.data.redis.masterreplica is not supported");
    }
}
