package io.yunqiao.connectors.jackyun.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CustomerStoreTest {

    static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

    final CustomerStore store = new CustomerStore();

    static NewCustomer customer(String code) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("customerCode", code);
        fields.put("nickname", "客户 " + code);
        return new NewCustomer(code, fields);
    }

    @Test
    void storesOneCustomerPerCodeWhenManyThreadsAddTheSameCode() throws Exception {
        // given 16 threads adding the same customerCode at once
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Callable<Boolean>> adds = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            adds.add(() -> {
                try {
                    store.add(customer("C-SAME"), T0, T0);
                    return true;
                } catch (GatewayRefusal refusal) {
                    return false;
                }
            });
        }
        // when they all run
        int accepted = 0;
        try {
            for (Future<Boolean> outcome : threads.invokeAll(adds)) {
                accepted += outcome.get() ? 1 : 0;
            }
        } finally {
            threads.shutdown();
        }
        // then exactly one add was accepted and one customer stored
        assertThat(accepted).isEqualTo(1);
        assertThat(store.all()).extracting(Customer::customerCode).containsExactly("C-SAME");
    }

    @Test
    void anUpdateChangesTheGivenFieldsOfTheCustomerOfItsCodeAndKeepsTheRest() {
        // given a stored customer with a phone
        NewCustomer stored = customer("C1");
        Map<String, String> withPhone = new LinkedHashMap<>(stored.fields());
        withPhone.put("phone", "13800000000");
        Customer before = store.add(new NewCustomer("C1", withPhone), T0, T0);
        // when its name is updated an hour later
        Instant later = T0.plusSeconds(3600);
        Customer after = store.update(new NewCustomer("C1", Map.of("customerCode", "C1", "nickname", "新名称")), later);
        // then the name changed, the phone, the id and the creation time stayed, and the change time moved
        assertThat(after.details().fields()).containsEntry("nickname", "新名称").containsEntry("phone", "13800000000");
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.created()).isEqualTo(T0);
        assertThat(after.modified()).isEqualTo(later);
        assertThat(store.all()).containsExactly(after);
    }

    @Test
    void anUpdateOfAnUnknownCodeIsRefusedAsABusinessErrorAndStoresNothing() {
        // given no customer C9
        // when it is updated
        // then the refusal says it does not exist, and nothing was stored
        assertThatThrownBy(() -> store.update(customer("C9"), T0))
                .isInstanceOfSatisfying(GatewayRefusal.class,
                        r -> assertThat(r.subCode()).isEqualTo(GatewayRefusal.NOT_FOUND))
                .hasMessageContaining("不存在").hasMessageContaining("C9");
        assertThat(store.all()).isEmpty();
    }

    @Test
    void refusesADuplicateCodeAsAlreadyExisting() {
        // given a stored customer
        store.add(customer("C1"), T0, T0);
        // when the same code is added again
        // then the refusal is the already-exists one and names the code
        assertThatThrownBy(() -> store.add(customer("C1"), T0, T0))
                .isInstanceOfSatisfying(GatewayRefusal.class,
                        r -> assertThat(r.subCode()).isEqualTo(GatewayRefusal.ALREADY_EXISTS))
                .hasMessageContaining("已存在").hasMessageContaining("C1");
    }

    @Test
    void pagesInCustomerIdOrderWithTheTotal() {
        // given five customers
        for (int i = 1; i <= 5; i++) {
            store.add(customer("C" + i), T0, T0);
        }
        // when the second page of two is asked with the total
        CustomerStore.Page page = store.list(new CustomerQuery(null, null, 1, 2, true));
        // then it holds the 3rd and 4th customers and the total is 5
        assertThat(page.customers()).extracting(Customer::customerCode).containsExactly("C3", "C4");
        assertThat(page.customers()).extracting(Customer::id)
                .containsExactly(CustomerStore.FIRST_ID + 2, CustomerStore.FIRST_ID + 3);
        assertThat(page.total()).isEqualTo(5);
    }

    @Test
    void answersNoTotalUnlessAsked() {
        store.add(customer("C1"), T0, T0);
        assertThat(store.list(new CustomerQuery(null, null, 0, 10, false)).total()).isNull();
    }

    @Test
    void filtersOnGmtModifiedWithBothEndsInclusive() {
        // given customers modified one second apart
        for (int i = 0; i < 5; i++) {
            store.add(customer("C" + i), T0, T0.plusSeconds(i));
        }
        // when the window covers seconds 1 to 3
        CustomerStore.Page page = store.list(new CustomerQuery(T0.plusSeconds(1), T0.plusSeconds(3), 0, 10, true));
        // then exactly those three are listed
        assertThat(page.customers()).extracting(Customer::customerCode).containsExactly("C1", "C2", "C3");
        assertThat(page.total()).isEqualTo(3);
    }

    @Test
    void countsEveryAddCallPerCode() {
        // given two calls for C1 and one for C2
        store.countAddCall("C1");
        store.countAddCall("C1");
        store.countAddCall("C2");
        // when counted
        // then the counts are per code
        assertThat(store.addCalls()).containsExactly(Map.entry("C1", 2), Map.entry("C2", 1));
    }

    @Test
    void clearForgetsEverythingAndRestartsIds() {
        // given a stored customer and a counted call
        store.countAddCall("C1");
        store.add(customer("C1"), T0, T0);
        // when cleared and added again
        store.clear();
        Customer again = store.add(customer("C1"), T0, T0);
        // then the code is free, the id starts over and no calls are counted
        assertThat(again.id()).isEqualTo(CustomerStore.FIRST_ID);
        assertThat(store.addCalls()).isEmpty();
    }
}
