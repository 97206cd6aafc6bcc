package dev.restfault.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's OpenAPI document is served to anyone, without a token: it may name the built-in
 * demo tokens, which the README publishes anyway, but never the value of a token the operator
 * configured, which would hand the admin endpoints to whoever reads {@code /v3/api-docs}.
 */
class ConsoleTokenDisclosureTest {

    private static final String SECRET_RW = "operator-rw-7f3c9a2e5b1d";
    private static final String SECRET_RO = "operator-ro-4e8b0c6d2a9f";

    private static RunningSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = RunningSandbox.start(
                "--sandbox.auth.tokens[0].name=ops-admin", "--sandbox.auth.tokens[0].value=" + SECRET_RW,
                "--sandbox.auth.tokens[0].access=read-write",
                "--sandbox.auth.tokens[1].name=ops-reader", "--sandbox.auth.tokens[1].value=" + SECRET_RO,
                "--sandbox.auth.tokens[1].access=read-only");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theDocumentNeverPublishesAConfiguredTokenValue() {
        String document = sandbox.contract().document().toString(); // fetched over HTTP, without a token
        assertThat(document).doesNotContain(SECRET_RW).doesNotContain(SECRET_RO)
                .as("the tokens are still named, with their access").contains("ops-admin", "ops-reader");
        // The tokens work, so what the document leaves out is a real secret.
        assertThat(sandbox.get("/v1/admin/status").token(SECRET_RW).send().status()).isEqualTo(200);
    }
}
