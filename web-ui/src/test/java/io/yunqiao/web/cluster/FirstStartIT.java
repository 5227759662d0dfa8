package io.yunqiao.web.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes started at the same instant on an empty PostgreSQL database, as docker compose or two systemd units do:
 * both come up (Flyway's lock serialises the schema, the unique user name decides who creates the administrator) and
 * there is exactly one administrator.
 */
class FirstStartIT {

    @Test
    void twoNodesStartedTogetherOnAnEmptyDatabaseBothComeUpWithOneAdministrator() throws Exception {
        // given an empty database and two nodes released at the same instant
        try (ClusterFixture cluster = new ClusterFixture("first_start", 1)) {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<ConfigurableApplicationContext>> nodes = List.of("node-a", "node-b").stream()
                    .map(name -> CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                        return cluster.startNode(name, "--spring.quartz.auto-startup=false");
                    })).toList();
            // when they start
            go.countDown();
            try {
                ConfigurableApplicationContext a = nodes.get(0).get(5, TimeUnit.MINUTES);
                ConfigurableApplicationContext b = nodes.get(1).get(5, TimeUnit.MINUTES);
                // then both are up, and the database holds one administrator
                assertThat(a.isActive()).isTrue();
                assertThat(b.isActive()).isTrue();
                Integer admins = a.getBean(JdbcTemplate.class).queryForObject(
                        "select count(*) from yq_user_account where username = 'admin' and role = 'ADMIN'",
                        Integer.class);
                assertThat(admins).isEqualTo(1);
                assertThat(b.getBean(JdbcTemplate.class).queryForObject("select count(*) from yq_user_account",
                        Integer.class)).isEqualTo(1);
            } finally {
                // a node that started is stopped even when the other did not
                for (CompletableFuture<ConfigurableApplicationContext> node : nodes) {
                    node.handle((context, failure) -> {
                        if (context != null) {
                            context.close();
                        }
                        return null;
                    }).get(5, TimeUnit.MINUTES);
                }
            }
        }
    }
}
