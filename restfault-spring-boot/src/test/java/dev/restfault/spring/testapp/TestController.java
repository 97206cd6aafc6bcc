package dev.restfault.spring.testapp;

import dev.restfault.core.exception.ContractException;
import dev.restfault.server.CorrelationIds;
import dev.restfault.spring.RestfaultRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Endpoints that succeed and fail in every way the tests need. */
@RestController
public class TestController {

    private final ItemService service;

    public TestController(ItemService service) {
        this.service = service;
    }

    /** CORS for one origin, declared on the handler: the handler mapping refuses any other. */
    @CrossOrigin(origins = "https://app.example")
    @GetMapping("/cors/items")
    public Map<String, Object> corsItems() {
        return Map.of("id", "1");
    }

    @GetMapping("/items/{id}")
    public Map<String, Object> item(@PathVariable String id) {
        if (id.equals("missing")) {
            throw ContractException.notFound("Item " + id + " does not exist.");
        }
        return Map.of("id", id);
    }

    @PostMapping(path = "/items", consumes = "application/json")
    public Map<String, Object> create(@Valid @RequestBody ItemRequest item) {
        return Map.of("name", item.name());
    }

    @PostMapping(path = "/coupons", consumes = "application/json")
    public Map<String, Object> redeem(@RequestBody Coupon coupon) {
        return Map.of("code", coupon.code());
    }

    /** The application picks the error format of this request itself. */
    @GetMapping("/chosen-format")
    public String chosenFormat(jakarta.servlet.http.HttpServletRequest request) {
        request.setAttribute(RestfaultRequest.FORMAT_ATTRIBUTE,
                dev.restfault.core.model.ErrorFormat.PARTNER_API);
        throw ContractException.notFound("Chosen format.");
    }

    /** A thrower that names a blank source: the service's configured name is used instead. */
    @GetMapping("/blank-source")
    public String blankSource() {
        throw ContractException.builder(409).source("").description("Blank source.").build();
    }

    @GetMapping("/domains/{name}")
    public Map<String, Object> domain(@PathVariable String name) {
        throw ContractException.builder(409).code("domainTaken").arguments(name).build();
    }

    @GetMapping("/locked/{id}")
    public String locked(@PathVariable String id) {
        throw new ItemLockedException(id);
    }

    @GetMapping("/throw/service")
    public String throttled() {
        return service.throttled();
    }

    @GetMapping("/throw/interceptor")
    public String intercepted() {
        return "never";
    }

    @GetMapping("/throw/unexpected")
    public String unexpected(@RequestParam(defaultValue = "none") String marker) {
        throw new IllegalStateException("unexpected secret: password=hunter2 " + marker);
    }

    /**
     * An upstream call failing the way Jetty's and Tomcat's own parsers report a malformed
     * message, under the application's wrapper: this service's failure, not the caller's.
     */
    @GetMapping("/throw/upstream/{server}")
    public String upstreamParseFailure(@PathVariable String server) {
        java.io.IOException parse = "jetty".equals(server)
                ? new java.io.IOException(new org.eclipse.jetty.http.HttpException.RuntimeException(400, "bad upstream"))
                : new java.io.IOException(new org.apache.coyote.BadRequestException("bad upstream"));
        throw new org.springframework.web.client.ResourceAccessException("upstream call failed", parse);
    }

    @GetMapping("/throw/unauthorized")
    public String unauthorized() {
        throw ContractException.unauthorized();
    }

    @GetMapping("/send-error/{status}")
    public void sendError(@PathVariable int status, HttpServletResponse response) throws IOException {
        response.sendError(status, "sendError internal detail");
    }

    @GetMapping("/bare-status")
    public ResponseEntity<Void> bareStatus() {
        return ResponseEntity.status(HttpStatus.CONFLICT).build();
    }

    @GetMapping("/methods")
    public String methodsGet() {
        return "get";
    }

    @PostMapping("/methods")
    public String methodsPost() {
        return "post";
    }

    @GetMapping(path = "/report", produces = {"text/csv", "application/json"})
    public String report() {
        return "a,b";
    }

    /** Reads the body itself, as a body-size guard or a proxy does: the server's read failures reach it. */
    @PostMapping("/raw-body")
    public String rawBody(jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
        return Integer.toString(request.getInputStream().readAllBytes().length);
    }

    @GetMapping("/search")
    public String search(@RequestParam String q, @RequestParam(defaultValue = "1") int page) {
        return q + page;
    }

    @GetMapping("/tenant")
    public String tenant(@RequestHeader("X-Tenant") String tenant) {
        return tenant;
    }

    @GetMapping("/page")
    public String page(@RequestParam("size") @Min(1) int size) {
        return "size " + size;
    }

    @GetMapping("/reserve")
    public String reserve(@RequestParam int quantity) {
        return service.reserve(quantity);
    }

    @PostMapping("/upload")
    public String upload(@RequestPart("file") MultipartFile file) {
        return "size " + file.getSize();
    }

    @GetMapping("/async-timeout")
    public DeferredResult<String> asyncTimeout() {
        return new DeferredResult<>(150L); // never completed: times out
    }

    @GetMapping("/rse")
    public String rse() {
        throw new ResponseStatusException(HttpStatus.CONFLICT, "Order 42 is already shipped.");
    }

    @GetMapping("/ere")
    public String ere() {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Slow down, please."), null);
        e.getHeaders().set("Retry-After", "17");
        throw e;
    }

    @GetMapping("/annotated/missing")
    public String annotatedMissing() {
        throw new OrderMissingException("order table row 17 absent (internal)");
    }

    @GetMapping("/annotated/reason")
    public String annotatedReason() {
        throw new OrderLockedException("lock held by batch job 9 (internal)");
    }

    @GetMapping("/listing")
    public String listing(@org.springframework.web.bind.annotation.ModelAttribute Paging paging) {
        return "page " + paging.getPage();
    }

    @GetMapping("/legacy/page")
    public String legacyPage(@RequestParam("size") @Min(1) int size) {
        return "size " + size;
    }

    @GetMapping("/unconvertible")
    public String unconvertible(@RequestParam("value") Opaque value) {
        return String.valueOf(value);
    }

    @GetMapping("/broken-return")
    public String brokenReturn() {
        return service.brokenReturn();
    }

    @GetMapping("/tags")
    public String tags(@RequestParam("name") java.util.List<String> names) {
        return service.tag(names);
    }

    @GetMapping("/upstream")
    public String upstream(@RequestParam String marker) {
        throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "The upstream failed.",
                new IOException("upstream refused the connection " + marker));
    }

    @GetMapping("/bearer")
    public String bearer() {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.UNAUTHORIZED);
        e.getHeaders().set("www-authenticate", "Bearer realm=\"app\"");
        throw e;
    }

    /** The application asked for the writer, then failed: the error must still be readable UTF-8 text. */
    @GetMapping("/writer-then-fail")
    public void writerThenFail(HttpServletResponse response) throws IOException {
        response.setContentLength(5); // for the body it meant to send
        response.getWriter();
        throw ContractException.builder(409).code("outOfStock").description("在庫がありません。").build();
    }

    /** Headers meant for a success, then a failure: they must not describe the error. */
    @GetMapping("/entity-headers")
    public void entityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Disposition", "attachment; filename=\"report.csv\"");
        response.setHeader("Content-Encoding", "gzip");
        response.setHeader("Location", "/reports/1");
        response.setHeader("ETag", "\"r1\"");
        response.setHeader("Last-Modified", "Tue, 03 Nov 2026 10:00:00 GMT");
        response.addHeader("Set-Cookie", "session=abc; Path=/; HttpOnly");
        throw ContractException.conflict("reportBusy", "The report is being generated.");
    }

    @GetMapping("/wrapped")
    public String wrapped() {
        throw new WrappedFailure(ContractException.builder(422).code("inner").description("Inner.").build());
    }

    @GetMapping("/early/readonly")
    public String earlyReadonly() {
        return "read";
    }

    @GetMapping("/secure/data")
    public String secureData() {
        return "data";
    }

    @GetMapping("/secure/admin")
    public String secureAdmin() {
        return "admin";
    }

    @GetMapping("/method-secured")
    public String methodSecured() {
        return service.adminOnly();
    }

    @GetMapping("/legacy/items/{id}")
    public String legacy(@PathVariable String id) {
        throw ContractException.notFound("Legacy item " + id + " does not exist.");
    }

    /** Refuses a POST before its body is read, as a guard or a validation of the path would. */
    @PostMapping("/unread/conflict")
    public String unreadConflict() {
        throw ContractException.conflict("unreadConflict", "Refused before the body was read.");
    }

    /** sendError before the body is read. */
    @PostMapping("/unread/send-error")
    public void unreadSendError(HttpServletResponse response) throws IOException {
        response.sendError(429, "sendError internal detail");
    }

    /** Never reached: the interceptor refuses it first (412). */
    @PostMapping("/unread/interceptor")
    public String unreadIntercepted() {
        return "never";
    }

    /** An unexpected failure before the body is read: 500. */
    @PostMapping("/unread/unexpected")
    public String unreadUnexpected() {
        throw new IllegalStateException("unexpected secret before the body");
    }

    /** Method security refuses before the body is read: 401 for anonymous callers. */
    @PostMapping("/unread/method-secured")
    public String unreadMethodSecured() {
        return service.adminOnly();
    }

    /** What the MDC holds while the request is handled. */
    @GetMapping("/mdc")
    public Map<String, String> mdc(jakarta.servlet.http.HttpServletRequest request) {
        CorrelationIds ids = RestfaultRequest.ids(request);
        return Map.of("mdcCorrelationId", String.valueOf(MDC.get(RestfaultRequest.MDC_CORRELATION_ID)),
                "mdcRequestId", String.valueOf(MDC.get(RestfaultRequest.MDC_REQUEST_ID)),
                "correlationId", ids.correlationId());
    }
}
