package dev.restfault.testkit.load;

/**
 * The requests a load run sends besides the probe's {@link dev.restfault.testkit.probe.ProbeCase}s:
 * plain reads of the resource, and errors provoked by requests that carry a body of the run's body
 * size ({@link LoadRunner.Builder#bodySize}, 5,000 bytes by default). A server that answers such a
 * request before reading its body must read the rest or say {@code Connection: close}; if it
 * closes the connection silently instead, the next request on it is lost, which is what a load
 * run exists to find.
 *
 * <p>None is destructive: each body is a JSON object no API knows
 * ({@code {"restfault-probe":"load","padding":"aaa…"}}), or that object cut short, and every one
 * carries {@code If-Match: "restfault-probe-never-matches"}, so a server that would act on it must
 * answer 412 Precondition Failed first. {@link #PUT_JSON} is still left out of
 * {@link LoadMix#standard()}: a server that ignored {@code If-Match} would replace the resource.
 */
public enum LoadCase {
    /** {@code GET} the resource, as a client reading it would. */
    GET("get", "GET the resource"),
    /** {@code POST} a JSON body to the resource: a wrong method when the resource is read-only. */
    POST_JSON("post-json", "POST a JSON body of the body size to the resource"),
    /** {@code PUT} a JSON body to the resource; only when the mix names it. */
    PUT_JSON("put-json", "PUT a JSON body of the body size to the resource (not in the standard mix)"),
    /** {@code POST} truncated JSON of the body size to the resource. */
    MALFORMED_JSON("malformed-json", "POST truncated JSON of the body size to the resource"),
    /** {@code POST} a body of the body size as {@code application/x-restfault-probe}, a type no server consumes. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "POST a body of the body size as application/x-restfault-probe");

    private final String id;
    private final String description;

    LoadCase(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** A stable id, such as {@code "post-json"}. */
    public String id() {
        return id;
    }

    /** What the request does, in one line. */
    public String description() {
        return description;
    }

    /** The case with {@code id}, if any. */
    public static java.util.Optional<LoadCase> byId(String id) {
        for (LoadCase c : values()) {
            if (c.id.equals(id)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
