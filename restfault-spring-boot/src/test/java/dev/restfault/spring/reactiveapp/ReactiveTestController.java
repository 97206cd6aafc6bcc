package dev.restfault.spring.reactiveapp;

import dev.restfault.core.exception.ContractException;
import dev.restfault.core.model.ErrorFormat;
import dev.restfault.server.CorrelationIds;
import dev.restfault.spring.RestfaultExchange;
import dev.restfault.spring.RestfaultRequest;
import dev.restfault.spring.testapp.Coupon;
import dev.restfault.spring.testapp.ItemLockedException;
import dev.restfault.spring.testapp.ItemRequest;
import dev.restfault.spring.testapp.Opaque;
import dev.restfault.spring.testapp.OrderLockedException;
import dev.restfault.spring.testapp.OrderMissingException;
import dev.restfault.spring.testapp.Paging;
import dev.restfault.spring.testapp.WrappedFailure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Spring MVC test controller's endpoints, the WebFlux way, and the failures only a reactive
 * handler has: errors signalled after the handler returned, on another thread, or after the
 * response started.
 */
@RestController
public class ReactiveTestController {

    private static final Logger LOG = LoggerFactory.getLogger(ReactiveTestController.class);

    private final ReactiveItemService service;

    public ReactiveTestController(ReactiveItemService service) {
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
    public Mono<Map<String, Object>> create(@Valid @RequestBody Mono<ItemRequest> item) {
        return item.map(i -> Map.of("name", i.name()));
    }

    @PostMapping(path = "/coupons", consumes = "application/json")
    public Map<String, Object> redeem(@RequestBody Coupon coupon) {
        return Map.of("code", coupon.code());
    }

    /** The application picks the error format of this exchange itself. */
    @GetMapping("/chosen-format")
    public String chosenFormat(ServerWebExchange exchange) {
        exchange.getAttributes().put(RestfaultRequest.FORMAT_ATTRIBUTE, ErrorFormat.PARTNER_API);
        throw ContractException.notFound("Chosen format.");
    }

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

    @GetMapping("/throw/unauthorized")
    public String unauthorized() {
        throw ContractException.unauthorized();
    }

    /** The WebFlux way of {@code sendError}: an error status, and the response completed without a body. */
    @GetMapping("/send-error/{status}")
    public Mono<Void> sendError(@PathVariable int status, ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.valueOf(status));
        return response.setComplete();
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

    /** Reactor's timeout: the reactive way a handler bounds its time (Spring MVC: an async timeout). */
    @GetMapping("/async-timeout")
    public Mono<String> asyncTimeout() {
        return Mono.<String>never().timeout(Duration.ofMillis(150));
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
    public String listing(@ModelAttribute Paging paging) {
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
    public String tags(@RequestParam("name") List<String> names) {
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

    /** Headers meant for a success, then a failure: they must not describe the error. */
    @GetMapping("/entity-headers")
    public Mono<String> entityHeaders(ServerHttpResponse response) {
        response.getHeaders().set("Content-Disposition", "attachment; filename=\"report.csv\"");
        response.getHeaders().set("Content-Encoding", "gzip");
        response.getHeaders().set("Location", "/reports/1");
        response.getHeaders().set("ETag", "\"r1\"");
        response.getHeaders().set("Last-Modified", "Tue, 03 Nov 2026 10:00:00 GMT");
        response.getHeaders().add("Set-Cookie", "session=abc; Path=/; HttpOnly");
        return Mono.error(ContractException.conflict("reportBusy", "The report is being generated."));
    }

    @GetMapping("/wrapped")
    public String wrapped() {
        throw new WrappedFailure(ContractException.builder(422).code("inner").description("Inner.").build());
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
    public Mono<String> methodSecured() {
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

    /** The WebFlux way of sendError, before the body is read. */
    @PostMapping("/unread/send-error")
    public Mono<Void> unreadSendError(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        return response.setComplete();
    }

    /** Never reached: the filter standing in for the interceptor refuses it first (412). */
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
    public Mono<String> unreadMethodSecured() {
        return service.adminOnly();
    }

    /** What the MDC holds while the handler runs. */
    @GetMapping("/mdc")
    public Map<String, String> mdc(ServerWebExchange exchange) {
        CorrelationIds ids = RestfaultExchange.ids(exchange);
        return Map.of("mdcCorrelationId", String.valueOf(MDC.get(RestfaultRequest.MDC_CORRELATION_ID)),
                "mdcRequestId", String.valueOf(MDC.get(RestfaultRequest.MDC_REQUEST_ID)),
                "correlationId", ids.correlationId());
    }

    // ---------------------------------------------------------------- WebFlux only

    /** Logs from a thread of another scheduler: the MDC still names the request. */
    @GetMapping("/scheduler-hop")
    public Mono<Map<String, String>> schedulerHop(@RequestParam String marker) {
        return Mono.just(marker)
                .publishOn(Schedulers.boundedElastic())
                .map(m -> {
                    LOG.info("Working on {} on another scheduler", m);
                    return Map.of("thread", Thread.currentThread().getName(),
                            "mdcCorrelationId", String.valueOf(MDC.get(RestfaultRequest.MDC_CORRELATION_ID)));
                });
    }

    /** Logs that it started, then takes far longer than any client waits: the client goes away first. */
    @GetMapping("/slow")
    public Mono<String> slow(@RequestParam String marker) {
        LOG.info("Slow request {} started", marker);
        return Mono.delay(Duration.ofMinutes(5)).thenReturn("late");
    }

    /** A ContractException signalled 50 ms after the handler returned, on a timer thread. */
    @GetMapping("/late/contract")
    public Mono<String> lateContract() {
        return Mono.delay(Duration.ofMillis(50)).then(Mono.error(ContractException.conflict("lateConflict", "Too late.")));
    }

    /** An unexpected failure signalled after the handler returned, on another scheduler. */
    @GetMapping("/late/unexpected")
    public Mono<String> lateUnexpected(@RequestParam String marker) {
        return Mono.just(marker).publishOn(Schedulers.boundedElastic())
                .map(m -> {
                    throw new IllegalStateException("late secret " + m);
                });
    }

    /** A stream that fails after its first items went out: too late for an error body. */
    @GetMapping(path = "/stream-then-fail", produces = "application/x-ndjson")
    public Flux<Map<String, Object>> streamThenFail(@RequestParam String marker) {
        return Flux.concat(Flux.just(Map.<String, Object>of("n", 1), Map.<String, Object>of("n", 2)),
                Flux.error(new IllegalStateException("stream secret " + marker)));
    }

    /** The body as one String: the codec's in-memory limit applies to it. */
    @PostMapping(path = "/text", consumes = "text/plain")
    public Mono<String> text(@RequestBody Mono<String> body) {
        return body.map(b -> "length " + b.length());
    }
}
