package dev.restfault.sandbox;

import static dev.restfault.sandbox.RunningSandbox.CID;
import static dev.restfault.sandbox.RunningSandbox.CONTOSO;
import static dev.restfault.sandbox.RunningSandbox.FABRIKAM;
import static dev.restfault.sandbox.RunningSandbox.RO;
import static dev.restfault.sandbox.RunningSandbox.RW;
import static dev.restfault.sandbox.RunningSandbox.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.restfault.core.i18n.ContractMessages;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The real reasons for thirteen of the fourteen statuses (429 is provoked in
 * {@link ThrottlingEndToEndTest}, which needs the default rate limit), each with what its
 * response must say beyond what {@link ErrorCheck} checks for every error.
 */
final class Cases {

    /** How a case sends its request: the path prefix of its format and the language headers. */
    record Request(RunningSandbox sandbox, ErrorFormat format, Locale locale) {

        String prefix() {
            return format == ErrorFormat.PARTNER_API ? ApiPaths.PARTNER_API : ApiPaths.PARTNER_CENTER;
        }

        /** A call in the case's language and format; en-US and ja-JP by X-Locale, the others by Accept-Language. */
        RunningSandbox.Call call(String method, String path) {
            RunningSandbox.Call c = sandbox.call(method, prefix() + path);
            String tag = locale.toLanguageTag();
            if (locale.equals(SupportedLocales.EN_US) || locale.equals(SupportedLocales.JA_JP)) {
                c.header("X-Locale", tag);
                c.header("Accept-Language", "de-DE"); // X-Locale must win over it
            } else {
                c.header("Accept-Language", "de-DE;q=0.2, " + tag + ";q=0.9, en;q=0.5");
            }
            if (format == ErrorFormat.PROBLEM_DETAILS) {
                c.header("Accept", "application/problem+json, application/json;q=0.9");
            }
            return c;
        }

        /** An admin call, in no particular language or format, that must succeed. */
        void admin(String path, String json) {
            Reply r = sandbox.call("PUT", "/v1/admin" + path).token(RW).json(json).send();
            assertThat(r.status()).as("admin %s: %s", path, r).isEqualTo(200);
        }
    }

    /** One real reason for {@code status}. */
    record Case(int status, String reason, Function<Request, Reply> provoke, BiConsumer<ErrorCheck, Reply> expect) {
        @Override
        public String toString() {
            return status + " " + reason;
        }
    }

    static final String VALID_CUSTOMER = "{\"companyName\":\"Northwind\",\"email\":\"ops@northwind.example\","
            + "\"domain\":\"northwind.example\"}";

    static List<Case> all() {
        return List.of(
                new Case(400, "size=0 is outside 1..500",
                        q -> q.call("GET", "/customers?size=0").token(RW).send(),
                        (c, r) -> c.code("badRequest").data("min@size")
                                .description(l -> ExpectedTexts.text(ContractMessages.VALIDATION_FAILED, l, 1))),
                new Case(401, "no token",
                        q -> q.call("GET", "/customers").send(),
                        (c, r) -> c.code("unauthorized")
                                .header("WWW-Authenticate", "OAuth realm=\"urn:cpsvc:cpid:" + CID + "\"")
                                .description(l -> ExpectedTexts.text(ContractMessages.AUTHENTICATION_REQUIRED, l))),
                new Case(403, "read-only token on a create",
                        q -> q.call("POST", "/customers").token(RO).json(VALID_CUSTOMER).send(),
                        (c, r) -> c.code("forbidden").noHeader("WWW-Authenticate")
                                .description(l -> ExpectedTexts.text(Texts.READ_ONLY_TOKEN, l))),
                new Case(404, "unknown customer id",
                        q -> q.call("GET", "/customers/" + UNKNOWN).token(RW).send(),
                        (c, r) -> c.code("notFound")
                                .description(l -> ExpectedTexts.text(Texts.CUSTOMER_NOT_FOUND, l, UNKNOWN))),
                new Case(405, "customers cannot be deleted",
                        q -> q.call("DELETE", "/customers/" + CONTOSO).token(RW).send(),
                        (c, r) -> {
                            String allow = r.header("Allow").orElseThrow();
                            assertThat(Arrays.stream(allow.split(",")).map(String::trim))
                                    .containsExactlyInAnyOrder("GET", "HEAD", "PUT", "OPTIONS");
                            c.code("methodNotAllowed")
                                    .description(l -> ExpectedTexts.text(ContractMessages.METHOD_NOT_ALLOWED, l, allow));
                        }),
                new Case(406, "Accept: application/xml",
                        q -> q.call("GET", "/customers/" + CONTOSO).token(RW)
                                .header("Accept", q.format() == ErrorFormat.PROBLEM_DETAILS
                                        ? "application/problem+json, application/xml" : "application/xml")
                                .send(),
                        (c, r) -> c.code("notAcceptable").data("availableMediaType@Accept")
                                .description(l -> ExpectedTexts.text(ContractMessages.NOT_ACCEPTABLE, l, "application/json"))),
                new Case(409, "the domain is taken (in another case)",
                        q -> q.call("POST", "/customers").token(RW)
                                .json("{\"companyName\":\"Contoso 2\",\"email\":\"a@contoso.example\",\"domain\":\"CONTOSO.example\"}")
                                .send(),
                        (c, r) -> c.code("domainTaken")
                                .description(l -> ExpectedTexts.text(Texts.DOMAIN_TAKEN, l, "contoso.example"))),
                new Case(412, "If-Match carries a stale entity tag",
                        q -> {
                            Reply current = q.sandbox().get("/v1/customers/" + FABRIKAM).token(RW).send();
                            assertThat(current.status()).isEqualTo(200);
                            return q.call("PUT", "/customers/" + FABRIKAM).token(RW).header("If-Match", "\"v0\"")
                                    .json("{\"companyName\":\"Fabrikam\",\"email\":\"it@fabrikam.example\",\"domain\":\"fabrikam.example\"}")
                                    .send();
                        },
                        (c, r) -> {
                            String etag = r.header("ETag").orElseThrow(() -> new AssertionError("412 without ETag"));
                            assertThat(etag).matches("\"v[0-9]+\"").isNotEqualTo("\"v0\"");
                            c.code("preconditionFailed")
                                    .description(l -> ExpectedTexts.text(Texts.CUSTOMER_CHANGED, l, etag));
                        }),
                new Case(500, "the admin diagnostic fails unexpectedly",
                        q -> q.call("GET", "/admin/diagnostics").token(RW).send(),
                        (c, r) -> {
                            String requestId = r.header("MS-RequestId").orElseThrow();
                            c.code("internalServerError").noData()
                                    .description(l -> ExpectedTexts.text(ContractMessages.INTERNAL_ERROR, l, requestId));
                        }),
                new Case(501, "invoices are documented, not implemented",
                        q -> q.call("GET", "/invoices").token(RW).send(),
                        (c, r) -> c.code("notImplemented")
                                .description(l -> ExpectedTexts.text(Texts.INVOICES_NOT_IMPLEMENTED, l))),
                new Case(502, "the upstream answers garbage",
                        q -> withUpstream(q, "garbage", () -> q.call("GET", "/customers/" + CONTOSO + "/credit").token(RW).send()),
                        (c, r) -> c.code("badGateway")
                                .description(l -> ExpectedTexts.text(Texts.UPSTREAM_INVALID, l))),
                new Case(503, "maintenance is on",
                        q -> {
                            q.admin("/maintenance", "{\"enabled\":true,\"retryAfterSeconds\":120}");
                            try {
                                return q.call("GET", "/customers").token(RW).send();
                            } finally {
                                q.admin("/maintenance", "{\"enabled\":false}");
                            }
                        },
                        (c, r) -> c.code("maintenance").header("Retry-After", "120")
                                .description(l -> ExpectedTexts.text(Texts.MAINTENANCE, l))),
                new Case(504, "the upstream does not answer in time",
                        q -> withUpstream(q, "slow", () -> q.call("GET", "/customers/" + CONTOSO + "/credit").token(RW).send()),
                        (c, r) -> c.code("gatewayTimeout")
                                .description(l -> ExpectedTexts.text(Texts.UPSTREAM_TIMEOUT, l, SandboxEndToEndTest.UPSTREAM_TIMEOUT_MS))));
    }

    static Reply withUpstream(Request q, String mode, java.util.function.Supplier<Reply> call) {
        q.admin("/upstream", "{\"mode\":\"" + mode + "\"}");
        try {
            return call.get();
        } finally {
            q.admin("/upstream", "{\"mode\":\"ok\"}");
        }
    }

    /** Every case in every format and language. */
    static List<Object[]> matrix(List<ErrorFormat> formats) {
        List<Object[]> out = new ArrayList<>();
        for (Case c : all()) {
            for (ErrorFormat f : formats) {
                for (Locale l : SupportedLocales.ALL) {
                    out.add(new Object[] {c, f, l});
                }
            }
        }
        return out;
    }

    private Cases() {
    }
}
