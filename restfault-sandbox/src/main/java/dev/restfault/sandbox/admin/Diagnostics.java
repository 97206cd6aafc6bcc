package dev.restfault.sandbox.admin;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A self-test with a bug on purpose: it fails with an exception no handler expects, whose
 * message holds the kind of detail (a connection string with a password) that must never reach
 * a client. The starter answers 500 with the generic description and the request id, and logs
 * the exception under the correlation id.
 */
@Component
class Diagnostics {

    Map<String, Object> run() {
        String connection = "jdbc:postgresql://db.internal:5432/partners?user=sandbox&password=hunter2";
        throw new IllegalStateException("self-test could not open " + connection,
                new java.io.UncheckedIOException(new java.io.IOException("Connection refused: db.internal/10.0.0.7:5432")));
    }
}
