package dev.restfault.benchmarks.e2e.app;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one controller of the benchmark, the same code in every setup. Its routes are GET only, so
 * any other method on them is the framework's own 405.
 *
 * <p>It uses only {@code spring-web} annotations and plain return values, which Spring MVC and
 * Spring WebFlux both accept: a reactive setup can serve this same class. Parameter names are
 * spelled out, so the class works however it was compiled.
 */
@RestController
@RequestMapping("/items")
public class ItemController {

    private static final Map<String, Item> ITEMS = Map.of(
            "1", new Item("1", "Surface Laptop 7, 15 inch", 3),
            "2", new Item("2", "Microsoft 365 Business Premium", 250));

    private final Failures failures;
    private final Pricing pricing = new Pricing();

    public ItemController(Failures failures) {
        this.failures = failures;
    }

    /** 200 for a known item; 404 for any other id. */
    @GetMapping("/{id}")
    public Item item(@PathVariable("id") String id) {
        Item item = ITEMS.get(id);
        if (item == null) {
            throw failures.notFound("Item " + id + " does not exist.");
        }
        return item;
    }

    /**
     * 401: the owner is shown only to an authenticated caller, and the benchmark never
     * authenticates. The handler takes the same single path variable as the 200's, so the two
     * scenarios differ by the error path alone: reading a header through {@code @RequestHeader}
     * cost Spring about 4 µs more per request than the 200's handler (argument resolution), which
     * a profile put on the 401 of every setup.
     */
    @GetMapping("/{id}/owner")
    public Map<String, String> owner(@PathVariable("id") String id) {
        throw failures.unauthorized();
    }

    /** 500: the pricing dependency throws an {@link IllegalStateException} nobody handles. */
    @GetMapping("/{id}/price")
    public Map<String, Object> price(@PathVariable("id") String id) {
        Item item = item(id);
        return Map.of("item", id, "cents", pricing.priceInCents(item));
    }
}
