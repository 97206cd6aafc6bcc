package dev.restfault.sandbox.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restfault.core.exception.ContractException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CustomerStoreTest {

    private final CustomerStore store = new CustomerStore(2, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));

    private static CustomerRequest request(String domain) {
        return new CustomerRequest("Name", "a@b.example", domain, null);
    }

    @Test
    void domainsAreUniqueWithoutRegardToCase() {
        store.create(request("contoso.example"));
        assertThatThrownBy(() -> store.create(request("Contoso.EXAMPLE")))
                .isInstanceOfSatisfying(ContractException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("domainTaken");
                    assertThat(e.arguments()).containsExactly("contoso.example");
                });
    }

    @Test
    void aFullStoreRefusesWith507() {
        store.create(request("a.example"));
        store.create(request("b.example"));
        assertThatThrownBy(() -> store.create(request("c.example")))
                .isInstanceOfSatisfying(ContractException.class, e -> {
                    assertThat(e.status()).isEqualTo(507);
                    assertThat(e.code()).isEqualTo("customerLimitReached");
                });
    }

    @Test
    void updatesHonourIfMatchAndBumpTheVersion() {
        Customer c = store.create(request("a.example"));
        assertThat(c.entityTag()).isEqualTo("\"v1\"");
        Customer v2 = store.update(c.id(), "\"v0\", \"v1\"", request("a.example"));
        assertThat(v2.entityTag()).isEqualTo("\"v2\"");
        assertThat(store.update(c.id(), "*", request("a.example")).version()).isEqualTo(3);
        assertThat(store.update(c.id(), null, request("a.example")).version()).isEqualTo(4);
        assertThatThrownBy(() -> store.update(c.id(), "W/\"v4\"", request("a.example")))
                .isInstanceOfSatisfying(ContractException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.entityTag()).contains("\"v4\"");
                });
        // Moving to another domain frees the old one.
        store.update(c.id(), null, request("moved.example"));
        assertThat(store.create(request("a.example")).domain()).isEqualTo("a.example");
    }

    @Test
    void unknownOrMalformedIdsAreNotFoundAndMalformedOnesAreNotRepeated() {
        assertThatThrownBy(() -> store.get("c0000000-0000-4000-8000-00000000dead"))
                .isInstanceOfSatisfying(ContractException.class, e -> assertThat(e.arguments()).hasSize(1));
        assertThatThrownBy(() -> store.get("<script>"))
                .isInstanceOfSatisfying(ContractException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.arguments()).isEmpty();
                });
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(ContractException.class);
    }

    @Test
    void pagesAreBounded() {
        store.create(request("a.example"));
        store.create(request("b.example"));
        assertThat(store.page(0, 1)).hasSize(1);
        assertThat(store.page(1, 500)).hasSize(1);
        assertThat(store.page(5, 500)).isEmpty();
    }
}
