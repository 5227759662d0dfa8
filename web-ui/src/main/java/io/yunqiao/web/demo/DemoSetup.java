package io.yunqiao.web.demo;

import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.run.RunTrigger;
import io.yunqiao.run.SyncEngine;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.Templates;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded default's first start: on an empty database, creates connections to the mounted sandboxes and an
 * enabled demo solution from the seed template (every minute), runs it once at once, and says in the log where to
 * look. A database that already has connections or solutions is left alone.
 */
@Component
@ConditionalOnProperty(name = "yunqiao.demo.enabled", havingValue = "true")
class DemoSetup {

    static final String SEED_TEMPLATE = "kingdee-pur-inbound-to-jackyun-customer";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);

    private final Connections connections;
    private final Solutions solutions;
    private final Templates templates;
    private final SyncEngine engine;
    private final Environment environment;

    DemoSetup(Connections connections, Solutions solutions, Templates templates, SyncEngine engine,
            Environment environment) {
        this.connections = connections;
        this.solutions = solutions;
        this.templates = templates;
        this.engine = engine;
        this.environment = environment;
    }

    @EventListener
    public void onStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        if (!connections.list().isEmpty() || !solutions.list().isEmpty()) {
            return;
        }
        String base = environment.getProperty("yunqiao.demo.base-url",
                "http://localhost:" + event.getWebServer().getPort());
        Map<String, String> kingdee = settings("kingdee");
        Map<String, String> jackyun = settings("jackyun");
        ConnectionView source = connections.create(new ConnectionDraft("演示-金蝶云星辰（沙箱）", "kingdee-jdy", Map.of(
                "baseUrl", base + "/sandbox/kingdee",
                "clientId", kingdee.getOrDefault("clientId", "yunqiao-demo"),
                "clientSecret", kingdee.getOrDefault("clientSecret", "demo-secret-v1"),
                "username", kingdee.getOrDefault("username", "demo"),
                "password", kingdee.getOrDefault("password", "demo-pass"))));
        ConnectionView target = connections.create(new ConnectionDraft("演示-吉客云（沙箱）", "jackyun", Map.of(
                "baseUrl", base + "/sandbox/jackyun/open/openapi/do",
                "appKey", jackyun.getOrDefault("appKey", "100200"),
                "appSecret", jackyun.getOrDefault("appSecret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"))));
        SolutionView copied = templates.copy(SEED_TEMPLATE, "演示：金蝶采购入库单供应商 → 吉客云客户", source.id(),
                target.id());
        SolutionView demo = solutions.setEnabled(copied.id(), true);
        engine.start(demo.id(), RunTrigger.MANUAL, false);
        LOG.info("""

                ==== Yunqiao demo ready ====
                Solution {} '{}' syncs the Kingdee sandbox's purchase inbound bills to Jackyun sandbox customers,
                every minute (cron '{}'); a first run has started.
                  web UI:     {}/  (sign in as the administrator: with YUNQIAO_ADMIN_PASSWORD or
                              YUNQIAO_ADMIN_PASSWORD_FILE if set, else with the one-time password of the block
                              "==== Yunqiao administrator created (管理员已创建) …", printed once, on the first
                              start, below this one; the first sign-in then asks for a password of your own)
                  界面：      {}/  （以管理员登录：设置了 YUNQIAO_ADMIN_PASSWORD 或 YUNQIAO_ADMIN_PASSWORD_FILE 时用
                              它的密码，否则用首次启动时在本段之后打印一次的
                              “==== Yunqiao administrator created (管理员已创建) …”一段中的一次性密码，
                              首次登录后先设置自己的密码）
                  runs:       {}/runs?solution={}
                  customers:  {}/sandbox/jackyun/_admin/customers  (the administrator, over HTTP Basic)
                  API docs:   {}/api/docs/ui  (HTTP Basic with the same users)
                """, demo.id(), demo.name(), demo.cron(), base, base, base, demo.id(), base, base);
    }

    private Map<String, String> settings(String sandbox) {
        return Binder.get(environment).bind("yunqiao.sandbox.settings." + sandbox,
                Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    }
}
