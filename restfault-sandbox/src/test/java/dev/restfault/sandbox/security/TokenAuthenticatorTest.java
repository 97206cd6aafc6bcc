package dev.restfault.sandbox.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.sandbox.config.SandboxProperties;
import dev.restfault.sandbox.config.SandboxProperties.Access;
import dev.restfault.sandbox.config.SandboxProperties.Token;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenAuthenticatorTest {

    private static SandboxProperties properties(List<Token> tokens) {
        return new SandboxProperties(new SandboxProperties.Auth(tokens),
                new SandboxProperties.RateLimit(20, Duration.ofSeconds(10)),
                new SandboxProperties.Concurrency(16, Duration.ofSeconds(2)),
                new SandboxProperties.Maintenance(false, Duration.ofSeconds(60)),
                new SandboxProperties.Upstream(null, SandboxProperties.UpstreamMode.OK, Duration.ofSeconds(2), Duration.ofSeconds(1), 16),
                new SandboxProperties.Simulate(Duration.ofSeconds(5), 4),
                new SandboxProperties.Customers(10), false);
    }

    private final TokenAuthenticator auth = new TokenAuthenticator(properties(List.of(
            new Token("writer", "secret-rw-token", Access.READ_WRITE),
            new Token("reader", "secret-ro-token", Access.READ_ONLY))));

    @Test
    void findsTheCallerOfAConfiguredToken() {
        assertThat(auth.authenticate("Bearer secret-rw-token")).contains(new Caller("writer", Access.READ_WRITE));
        assertThat(auth.authenticate("bearer   secret-ro-token ")).contains(new Caller("reader", Access.READ_ONLY));
        assertThat(auth.authenticate("BEARER secret-ro-token")).isPresent();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "Bearer", "Bearer ", "secret-rw-token", "Basic c2VjcmV0LXJ3LXRva2Vu",
            "Bearer secret-rw-token2", "Bearer secret-rw-toke", "Bearer secret-rw-token\r\nX: y", "Bearersecret-rw-token"})
    void anythingElseIsNobody(String header) {
        assertThat(auth.authenticate(header)).isEmpty();
    }

    @Test
    void anOversizedHeaderIsNotRead() {
        assertThat(auth.authenticate("Bearer " + "x".repeat(TokenAuthenticator.MAX_HEADER))).isEmpty();
    }

    @Test
    void duplicateTokensOrNamesStopTheStart() {
        assertThatThrownBy(() -> new TokenAuthenticator(properties(List.of(
                new Token("a", "same-token-value", Access.READ_WRITE),
                new Token("b", "same-token-value", Access.READ_ONLY)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same value")
                .hasMessageNotContaining("same-token-value");
        assertThatThrownBy(() -> new TokenAuthenticator(properties(List.of(
                new Token("a", "token-value-1", Access.READ_WRITE),
                new Token("a", "token-value-2", Access.READ_ONLY)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named a");
    }

    @Test
    void aTokenNeverPrintsItsSecret() {
        assertThat(new Token("n", "top-secret-value", Access.READ_ONLY).toString()).doesNotContain("top-secret-value");
    }
}
