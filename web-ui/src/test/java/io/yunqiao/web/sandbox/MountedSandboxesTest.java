package io.yunqiao.web.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Spring context of the mounted-sandbox tests: the embedded default's sandboxes on a random port, shared by
 * every class that carries this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "yunqiao.sandbox.settings.kingdee.bills=1234",
    "yunqiao.demo.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:mounted-it;DB_CLOSE_DELAY=-1",
    "spring.quartz.auto-startup=false",
    "spring.quartz.scheduler-name=mounted-it",
    "yunqiao.security.admin-password=" + MountedSandboxesTest.ADMIN_PASSWORD,
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
@interface MountedSandboxesTest {

    /** The administrator's password: sandbox administration needs it. */
    String ADMIN_PASSWORD = "mounted-admin-1";
}
