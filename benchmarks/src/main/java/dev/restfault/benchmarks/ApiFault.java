package dev.restfault.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Shaped like the Partner Center Java SDK's {@code ApiFault}: code, description and data mapped
 * by name, unknown members ignored. Written for this benchmark; no SDK code is copied.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ApiFault {
    @JsonProperty("code")
    public String errorCode;
    @JsonProperty("description")
    public String errorMessage;
    @JsonProperty("data")
    public List<Object> errorData;
    @JsonProperty("source")
    public String source;
}
