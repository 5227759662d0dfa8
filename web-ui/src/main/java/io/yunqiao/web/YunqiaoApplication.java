package io.yunqiao.web;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import org.springframework.boot.SpringApplication;
import io.yunqiao.platform.PlatformConfiguration;
import io.yunqiao.web.database.CopyCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The Yunqiao platform: web UI, REST API and, in the embedded default, the vendor sandboxes. The UI uses Vaadin's
 * default Lumo theme as it comes in the pre-built bundle (a named theme would need a frontend build: docs/development.md).
 */
@SpringBootApplication
@Import(PlatformConfiguration.class)
@PWA(name = "Yunqiao 云桥", shortName = "Yunqiao")
@Push
public class YunqiaoApplication implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;

    public static void main(String[] args) {
        if (CopyCommand.requested(args)) {
            // H2 -> PostgreSQL copy (docs/operations.md): a command that ends, not the platform
            System.exit(CopyCommand.run(args));
        }
        SpringApplication.run(YunqiaoApplication.class, args);
    }
}
