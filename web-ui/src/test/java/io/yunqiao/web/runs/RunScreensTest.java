package io.yunqiao.web.runs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Spring context of the run and dashboard screen tests: one application on a random port with the sandboxes
 * mounted (a small Kingdee data set: 60 bills of 8 suppliers), shared by every class that carries this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:run-screens;DB_CLOSE_DELAY=-1",
    "yunqiao.demo.enabled=false",
    "spring.quartz.auto-startup=false",
    "spring.quartz.scheduler-name=run-screens",
    "yunqiao.sandbox.settings.kingdee.bills=60",
    "yunqiao.sandbox.settings.kingdee.suppliers=8",
    "yunqiao.security.admin-password=" + RunFixtures.ADMIN_PASSWORD,
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
public @interface RunScreensTest {
}
