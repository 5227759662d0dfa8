package io.yunqiao.web.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.Connections;
import io.yunqiao.sandbox.SandboxServer;
import io.yunqiao.web.engine.OutsideSandboxes;
import io.yunqiao.sandbox.SandboxServlet;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import io.yunqiao.web.YunqiaoApplication;
import io.yunqiao.web.postgres.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the cluster tests share: one PostgreSQL database, the vendor sandboxes outside every node (so they outlive
 * one and see the writes of all), and nodes started with the production profile against that database.
 */
final class ClusterFixture implements AutoCloseable {

    static final String SECRETS_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    final String databaseUrl;
    final String schedulerName;
    final SandboxServer kingdee;
    final SandboxServer jackyun;
    final SandboxServlet jackyunSandbox;

    ClusterFixture(String name, int bills) {
        this.databaseUrl = TestPostgres.newDatabase(name);
        this.schedulerName = name;
        this.kingdee = SandboxServer.start(OutsideSandboxes.create("kingdee", Map.of("bills", String.valueOf(bills))));
        this.jackyunSandbox = OutsideSandboxes.create("jackyun", Map.of());
        this.jackyun = SandboxServer.start(jackyunSandbox);
    }

    /** The settings of one node: the production profile on the shared database, the node's name, no demo. */
    List<String> nodeArgs(String nodeName) {
        return new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestPostgres.user(),
                "--spring.datasource.password=" + TestPostgres.password(),
                "--spring.quartz.scheduler-name=" + schedulerName,
                "--yunqiao.node-name=" + nodeName,
                "--yunqiao.security.admin-password=cluster-admin-1",
                // the sandboxes run on loopback outside every node, which the production profile would refuse
                "--yunqiao.security.connections.refuse-private-addresses=false",
                "--yunqiao.secrets.key=" + SECRETS_KEY));
    }

    /** A node in this JVM: a Spring context with its own Quartz scheduler, as a separate process would have. */
    ConfigurableApplicationContext startNode(String nodeName, String... extraArgs) {
        List<String> args = nodeArgs(nodeName);
        args.addAll(List.of(extraArgs));
        // command-line arguments outrank application.yml, as a test's settings must
        return new SpringApplicationBuilder(YunqiaoApplication.class).run(args.toArray(String[]::new));
    }

    /** Connections to both sandboxes, created through a node; answers {source, target} ids. */
    long[] connections(ConfigurableApplicationContext node) {
        Connections connections = node.getBean(Connections.class);
        long source = connections.create(new ConnectionDraft("金蝶", "kingdee-jdy", Map.of("baseUrl",
                kingdee.baseUrl(), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1", "username", "demo",
                "password", "demo-pass"))).id();
        long target = connections.create(new ConnectionDraft("吉客云", "jackyun", Map.of("baseUrl",
                jackyun.baseUrl() + "/open/openapi/do", "appKey", "100200", "appSecret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))).id();
        return new long[] {source, target};
    }

    /**
     * A solution writing one customer per purchase inbound bill, its customer code prefixed so that several
     * solutions write distinct customers; dedupe on the customer code, no rate limit.
     */
    SolutionView perBillSolution(ConfigurableApplicationContext node, long[] connections, String prefix,
            SolutionSpec.Schedule schedule) {
        SolutionView copied = node.getBean(Templates.class).copy("kingdee-pur-inbound-to-jackyun-customer",
                "每张单据一个客户 " + prefix, connections[0], connections[1]);
        SolutionSpec spec = copied.spec();
        return node.getBean(Solutions.class).update(copied.id(), new SolutionSpec(spec.name(), null, spec.source(),
                new SolutionSpec.Window("P31D", 300, 744),
                spec.target().withMapping("{ \"customerCode\": \"" + prefix + "-\" & billno, \"nickname\":"
                        + " supplierid_name }"),
                new SolutionSpec.Dedupe("customerCode"), new SolutionSpec.RateLimit(0), spec.retry(), schedule,
                spec.alerts()),
                "one customer per bill");
    }

    /** Everything the Jackyun sandbox stored, and how many add calls it received per customer code. */
    JsonNode customers() {
        return OutsideSandboxes.customers(jackyun);
    }

    @Override
    public void close() {
        kingdee.close();
        jackyun.close();
    }
}
