package dev.restfault.json.databind;

import dev.restfault.core.model.InnerError;
import dev.restfault.core.model.PartnerCenterError;
import java.util.List;

/** A user's own type with model members, for {@link RestfaultModuleTest}: public so databind may reach it. */
public record Envelope(String requestId, PartnerCenterError error, List<InnerError> inner) {
}
