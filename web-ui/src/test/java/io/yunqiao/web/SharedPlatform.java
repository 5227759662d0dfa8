package io.yunqiao.web;

import io.yunqiao.web.runs.RunFixtures;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * The one application most integration tests run against: the embedded default (sandboxes mounted, 1,000 Kingdee
 * bills) on a random port with its own in-memory H2, no demo data, the administrator {@code admin} with
 * {@link #ADMIN_PASSWORD}, Quartz not started, and three limits lowered (below). Spring's test context cache starts
 * it once for every class that carries this annotation and nothing else that changes the configuration
 * (docs/development.md, "Web-ui integration tests"): a class that adds a property, an {@code @Import}, a
 * {@code @DynamicPropertySource} or a {@code @DirtiesContext} gets an application of its own and costs a start.
 *
 * <p>The classes share its database and sandboxes, one after the other: {@link CleanPlatform} waits for the runs a
 * previous class left running and removes its solutions, connections and stored connector definitions before each
 * class; each test still prepares (and resets) what it needs. Quartz stays in standby, so a solution a test enables
 * never fires in a later one: a test of the scheduler needs its own application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:shared-platform;DB_CLOSE_DELAY=-1",
    "spring.quartz.scheduler-name=shared-platform",
    "spring.quartz.auto-startup=false",
    "yunqiao.demo.enabled=false",
    "yunqiao.sandbox.enabled=true",
    "yunqiao.security.admin-password=" + SharedPlatform.ADMIN_PASSWORD,
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    // one node: stored connector definitions are in effect at once where they are saved, no polling needed
    "yunqiao.connectors.stored-refresh=0",
    // below the shipped 256KB and 1MB, so that the limit tests (StoredConnectorsIT, InputLimitsSecurityIT) reach
    // them with small bodies and the import limit refuses before the request limit; no other test comes near them
    "yunqiao.limits.definition-bytes=16KB",
    "yunqiao.limits.import-file=256KB",
    // below the shipped 1000, so that DetailLookupsIT reaches it with the sandbox's 1,000 bills while a day's bills
    // (at most 100) still fit; no other test looks up details with "all"
    "yunqiao.engine.detail-max-records=150"})
@TestExecutionListeners(listeners = CleanPlatform.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface SharedPlatform {

    /** The password of the administrator {@code admin}: the sandboxes' admin endpoints need it too. */
    String ADMIN_PASSWORD = RunFixtures.ADMIN_PASSWORD;
}
