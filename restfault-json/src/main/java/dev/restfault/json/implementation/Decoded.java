package dev.restfault.json.implementation;

import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.PartnerApiError;
import dev.restfault.core.model.PartnerCenterError;
import dev.restfault.core.model.ProblemDetail;
import dev.restfault.json.BodyShape;
import dev.restfault.json.DecodedError;
import java.util.List;

/**
 * What {@link BodyDecoder} understood of one root object; the reader wraps it in a
 * {@link DecodedError}. Not part of the API. Strings are already repaired (no lone surrogates)
 * and bounded; null means absent.
 */
public record Decoded(
        BodyShape shape,
        String code,
        String description,
        String source,
        List<PartnerCenterError> data,
        InnerError innerError,
        Integer statusCode,
        PartnerCenterError partnerCenter,
        PartnerApiError partnerApi,
        ProblemDetail problem) {
}
