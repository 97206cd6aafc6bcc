package dev.restfault.json;

import dev.restfault.core.catalog.StatusCatalog;
import dev.restfault.core.catalog.StatusEntry;
import dev.restfault.core.i18n.SupportedLocales;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import java.util.List;
import java.util.Locale;

/**
 * The example error per status and format that the golden files hold: built from the catalog
 * (code, localized description and reason phrase, rotating through the four shipped locales), with
 * field violations, inner errors and extension members where a real service would send them.
 */
final class GoldenSamples {

    static final String SOURCE = "restfault-sandbox";

    private GoldenSamples() {
    }

    static Locale locale(StatusEntry entry) {
        List<StatusEntry> all = StatusCatalog.entries();
        return SupportedLocales.ALL.get(all.indexOf(entry) % SupportedLocales.ALL.size());
    }

    static PartnerCenterError partnerCenter(StatusEntry entry) {
        Locale locale = locale(entry);
        PartnerCenterError.Builder b = PartnerCenterError.builder()
                .code(entry.defaultCode())
                .description(entry.description(locale))
                .source(SOURCE);
        switch (entry.status()) {
            case 400:
            case 422:
                b.addData(PartnerCenterError.of("required", "The field is required.", "customer.companyProfile.companyName"));
                b.addData(PartnerCenterError.of("maxLength", "At most 256 characters \"quoted\" \\ <ok>.", "customer.billingProfile.email"));
                break;
            case 409:
                b.addData(PartnerCenterError.of("600041", "The domain contoso.onmicrosoft.com is already taken.", "domain"));
                break;
            default:
                break;
        }
        return b.build();
    }

    static PartnerApiError partnerApi(StatusEntry entry) {
        PartnerApiError.Builder b = partnerCenter(entry).toPartnerApi().toBuilder();
        switch (entry.status()) {
            case 409:
                b.innerError(InnerError.of("duplicateDomain", "The domain is already in use.",
                        InnerError.of("dnsRecordExists", null)));
                break;
            case 500:
                b.innerError(InnerError.of(null, "Request id 4d6c0b5e-2f64-4d7c-9a61-4f0c2c1d8e7a"));
                break;
            default:
                break;
        }
        return b.build();
    }

    static ProblemDetail problem(StatusEntry entry) {
        Locale locale = locale(entry);
        ProblemDetail.Builder b = ProblemDetail.from(partnerCenter(entry), entry.status(), entry.reasonPhrase(locale))
                .toBuilder()
                .instance("/v1/customers/3c5a2b8e-9d1f-4e7a-8b6c-0f1e2d3c4b5a");
        if (entry.status() == 429 || entry.status() == 503) {
            b.extension("retryAfterSeconds", "30");
        }
        return b.build();
    }

    static byte[] write(ErrorFormat format, StatusEntry entry) {
        ErrorWriter w = ErrorWriter.standard();
        switch (format) {
            case PARTNER_API:
                return w.writePartnerApi(partnerApi(entry));
            case PROBLEM_DETAILS:
                return w.writeProblem(problem(entry));
            default:
                return w.writePartnerCenter(partnerCenter(entry));
        }
    }

    /** {@code golden/partner-center/404.json}, relative to the test resources. */
    static String path(ErrorFormat format, StatusEntry entry) {
        return "golden/" + directory(format) + "/" + entry.status() + ".json";
    }

    static String directory(ErrorFormat format) {
        return format.token();
    }
}
