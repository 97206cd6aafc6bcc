package dev.restfault.cli;

import dev.restfault.client.ClientResponse;
import dev.restfault.client.ContractErrorException;
import dev.restfault.client.ErrorDecoder;
import dev.restfault.client.RequestContext;
import dev.restfault.client.RestfaultClient;
import dev.restfault.client.RestfaultException;
import dev.restfault.client.retry.RetryDecision;
import dev.restfault.client.retry.RetryListener;
import dev.restfault.client.retry.RetryOptions;
import dev.restfault.client.retry.RetryPolicy;
import dev.restfault.json.DecodedError;
import dev.restfault.testkit.check.ContractChecker;
import dev.restfault.testkit.check.ObservedResponse;
import dev.restfault.testkit.check.ResponseHeaders;
import dev.restfault.testkit.check.Rule;
import dev.restfault.testkit.check.Violation;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restfault call}: one request through the restfault client, with its retry policy. */
@Command(name = "call",
        mixinStandardHelpOptions = true,
        versionProvider = RestfaultCommand.Version.class,
        description = "Sends one request through the restfault client: MS-RequestId and MS-CorrelationId are "
                + "added, and the request is retried exactly when the contract says it is safe (each retry "
                + "reported on standard error). On success the body is printed; on an error response, the "
                + "decoded error and the contract violations of the response; the exit code tells the error "
                + "category.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  restfault call GET https://api.contoso/v1/orders -H 'Authorization: Bearer T'",
            "  restfault call POST https://api.contoso/v1/orders -d @order.json \\",
            "      -H 'Content-Type: application/json' --retries 0",
            "  restfault call PUT https://api.contoso/v1/orders/7 -d @- --json < order.json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the server answered 1xx-3xx; the body is printed",
            "2:usage error; no answer (refused, reset, timeout, TLS); or an answer that is not valid HTTP (a status outside 100..599)",
            "10:BAD_INPUT (400, 411, 413, 416, 417, 422, other 4xx)",
            "11:UNAUTHORIZED (401)",
            "12:FORBIDDEN (403)",
            "13:NOT_FOUND (404, 410)",
            "14:INVALID_OPERATION (405)",
            "15:UNSUPPORTED_DATA_FORMAT (406, 415)",
            "16:CONFLICT (409, 423)",
            "17:PRECONDITION_FAILED (412)",
            "18:TOO_MANY_REQUESTS (429)",
            "19:SERVER_ERROR (500, 507, other 5xx)",
            "20:NOT_IMPLEMENTED (501)",
            "21:BAD_GATEWAY (502)",
            "22:SERVER_BUSY (503, 509)",
            "23:GATEWAY_TIMEOUT (504)",
            "24:REQUEST_TIMEOUT (408)"})
final class CallCommand implements Callable<Integer> {

    @ParentCommand
    RestfaultCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "METHOD", description = "GET, POST, PUT, PATCH, DELETE...")
    String method;

    @Parameters(index = "1", paramLabel = "URL", description = "An http or https URL.")
    String url;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "A request header; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-d", "--data"}, paramLabel = "BODY", description = "The request body; @FILE reads a file, @- standard input.")
    String data;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3", description = "Most retries after the first attempt (default ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Timeout per attempt, for the response headers and again for the body (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--json", description = "Print the decoded error as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (retries < 0 || retries >= RetryOptions.MAX_ATTEMPTS) {
            err.println("restfault call: --retries must be within 0.." + (RetryOptions.MAX_ATTEMPTS - 1));
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            err.println("restfault call: --timeout must be within 1..600 seconds");
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        HttpRequest request;
        try {
            request = request();
        } catch (Input.Unreadable e) {
            err.println("restfault call: " + Terminal.safe(e.getMessage()));
            return ExitCodes.USAGE_OR_CONNECTION;
        } catch (IllegalArgumentException e) {
            err.println("restfault call: " + Terminal.safe(e.getMessage()));
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        RetryPolicy policy = dev.restfault.client.retry.DefaultRetryPolicy.create(RetryOptions.builder().maxAttempts(retries + 1).build());
        RetryListener progress = new RetryListener() {
            @Override
            public void onFailure(RequestContext context, RestfaultException failure, RetryDecision decision, Duration duration) {
                if (decision.shouldRetry()) {
                    err.println("retry: attempt " + context.attempt() + " failed (" + Terminal.safe(failure.getMessage())
                            + "); retrying in " + decision.delay().toMillis() + " ms");
                    err.flush();
                }
            }
        };
        try (RestfaultClient client = RestfaultClient.builder().retryPolicy(policy).listener(progress)
                .requestTimeout(Duration.ofSeconds(timeoutSeconds)).connectTimeout(Duration.ofSeconds(Math.min(timeoutSeconds, 30)))
                // A server that sends headers and then stalls must not hold the command past --timeout.
                .bodyTimeout(Duration.ofSeconds(timeoutSeconds))
                .build()) {
            ClientResponse response = client.send(request);
            if (response.status() < 100 || response.status() > 599) {
                // java.net.http passes any three digits; HTTP defines 100..599 (RFC 9110 15).
                err.println("restfault call: status " + response.status() + " is outside 100..599: the answer is not valid HTTP");
                return ExitCodes.USAGE_OR_CONNECTION;
            }
            out.print(Terminal.safe(new String(response.body(), StandardCharsets.UTF_8), true));
            if (response.bodyLength() > 0) {
                out.println();
            }
            out.flush();
            return ExitCodes.OK;
        } catch (ContractErrorException e) {
            List<Violation> violations = ContractChecker.standard().check(ObservedResponse.builder(e.status())
                    .headers(ResponseHeaders.of(e.headers())).body(e.body().bytes()).requestMethod(request.method()).build());
            // The client keeps at most its cap of an error body. A body cut there (not one that
            // stopped arriving) ends early because of us: not the server's malformed JSON.
            boolean capped = e.body().truncated() && !e.body().timedOut();
            String failure = e.bodyFailure().map(r -> r.name().toLowerCase(Locale.ROOT)).orElse("no body");
            if (capped) {
                int cap = ErrorDecoder.standard().maxBodyBytes(); // the decoder the client is built with
                violations = new ArrayList<>(violations);
                violations.removeIf(v -> v.rule() == Rule.BODY_MALFORMED);
                violations.add(0, Violation.of(Rule.BODY_LIMITS, "the body is longer than " + cap
                        + " bytes, the most restfault call reads of an error body; the rest was not read", null));
                failure = "longer than the " + cap + " bytes restfault call reads; cut by the client";
            }
            DecodedError decoded = e.error().orElse(null);
            if (json) {
                out.println(DecodedErrors.json(e.status(), decoded, decoded == null ? failure : null, violations));
            } else if (decoded != null) {
                out.print(DecodedErrors.text(e.status(), decoded, violations));
            } else {
                StringBuilder sb = new StringBuilder("status:      ").append(e.status()).append(capped ? "\nnot decoded (" : "\nnot an error body (")
                        .append(failure).append(")\n");
                DecodedErrors.violationsText(sb, violations);
                out.print(sb);
            }
            out.flush();
            err.println("restfault call: " + Terminal.safe(e.getMessage()));
            return ExitCodes.forCategory(e.category());
        } catch (RestfaultException e) {
            err.println("restfault call: " + Terminal.safe(e.getMessage()));
            return ExitCodes.USAGE_OR_CONNECTION;
        } catch (IllegalArgumentException e) {
            err.println("restfault call: " + Terminal.safe(e.getMessage()));
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }

    private HttpRequest request() throws Input.Unreadable {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("URL must be an absolute http or https URL");
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (data != null) {
            byte[] bytes = data.startsWith("@") ? Input.read(data.substring(1), parent.stdin) : data.getBytes(StandardCharsets.UTF_8);
            body = HttpRequest.BodyPublishers.ofByteArray(bytes); // replayable on retry
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method.toUpperCase(Locale.ROOT), body);
        for (String line : headers) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a header must look like 'Name: value'");
            }
            b.header(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return b.build();
    }
}
