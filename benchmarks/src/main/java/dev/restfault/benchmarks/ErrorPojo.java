package dev.restfault.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A plain databind POJO of the Partner Center shape: what a team writes without restfault. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class ErrorPojo {
    public String code;
    public String description;
    public List<ErrorPojo> data;
    public String source;

    public ErrorPojo() {
    }

    ErrorPojo(String code, String description, String source, List<ErrorPojo> data) {
        this.code = code;
        this.description = description;
        this.source = source;
        this.data = data;
    }
}
