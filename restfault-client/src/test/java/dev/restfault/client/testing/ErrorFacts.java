package dev.restfault.client.testing;

import dev.restfault.client.ContractErrorException;
import dev.restfault.core.catalog.ErrorCategory;
import dev.restfault.core.http.AuthChallenge;
import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.json.ErrorBodyException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link ContractErrorException} says, as one comparable value: two transports that
 * decode the same response must produce equal facts. Ids are left out (each call has its own);
 * {@link ErrorShapes} checks them separately.
 *
 * @param bodyText the raw body kept, as text (the log-safe excerpt is derived from it)
 */
public record ErrorFacts(int status, ErrorCategory category, String code, boolean codeFromBody, String description,
        String source, List<String> dataCodes, List<String> dataSources, String innerErrorCode, Reason bodyFailure,
        Duration retryAfter, String bodyText, boolean bodyTruncated, boolean bodyTimedOut, String mediaType,
        String challengeCid, Locale contentLanguage) {

    public static ErrorFacts of(ContractErrorException e) {
        return new ErrorFacts(e.status(), e.category(), e.code(), e.codeFromBody(), e.description().orElse(null),
                e.source().orElse(null), e.data().stream().map(PartnerCenterError::code).toList(),
                e.data().stream().map(PartnerCenterError::source).toList(),
                e.innerError().flatMap(InnerError::code).orElse(null), e.bodyFailure().orElse(null),
                e.retryAfter().orElse(null), e.body().text(), e.body().truncated(), e.body().timedOut(),
                e.body().mediaType().orElse(null), e.challenge().flatMap(AuthChallenge::cid).orElse(null),
                e.contentLanguage().orElse(null));
    }
}
