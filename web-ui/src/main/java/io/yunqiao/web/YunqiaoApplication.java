package io.yunqiao.web;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import io.yunqiao.platform.PlatformConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The Yunqiao platform: web UI, REST API and, in the embedded default, the vendor sandboxes. */
@SpringBootApplication
@Import(PlatformConfiguration.class)
@Theme(themeClass = Lumo.class)
@PWA(name = "Yunqiao 云桥", shortName = "Yunqiao")
@Push
public class YunqiaoApplication implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;

    public static void main(String[] args) {
        SpringApplication.run(YunqiaoApplication.class, args);
    }
}
