package io.yunqiao.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application the security tests attack ({@code *SecurityIT} of this package, which share it): on a random port
 * with its own in-memory H2, the administrator's password given in a file only, and behind a "proxy":
 * {@code server.forward-headers-strategy=native} trusts X-Forwarded-For and -Proto from loopback, so that each
 * attack comes from its own source address and HTTPS can be claimed. The password hashes computed are counted
 * ({@link #CHECKS}) by the real BCrypt encoder wrapped in a counter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:auth-security;DB_CLOSE_DELAY=-1",
    "spring.quartz.scheduler-name=auth-security",
    "yunqiao.demo.enabled=false",
    "yunqiao.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    "server.forward-headers-strategy=native",
    // the shipped wait of 1 s could pass between two requests of a slow build machine: a longer one keeps the
    // attack's later tries inside the wait, which is what the tests are about
    "yunqiao.security.login.first-delay=20s",
    "yunqiao.security.login.max-delay=1m"})
@Import(SecuredApplication.CountingPasswords.class)
abstract class SecuredApplication {

    /** The administrator's password, given in a file (not in a property: the point of one test). */
    static final String ADMIN_PASSWORD = "auth-admin-from-file";

    /** Password checks (BCrypt) computed so far. */
    static final AtomicInteger CHECKS = new AtomicInteger();

    @DynamicPropertySource
    static void adminPasswordFile(DynamicPropertyRegistry registry) {
        try {
            Path file = Files.createTempFile("yunqiao-admin-password", ".txt");
            file.toFile().deleteOnExit();
            Files.writeString(file, ADMIN_PASSWORD + "\n");
            registry.add("yunqiao.security.admin-password-file", file::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BCrypt as in production, counting each password check. */
    @TestConfiguration
    static class CountingPasswords {

        @Bean
        @Primary
        PasswordEncoder countingPasswordEncoder() {
            BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
            return new PasswordEncoder() {
                @Override
                public String encode(CharSequence raw) {
                    return bcrypt.encode(raw);
                }

                @Override
                public boolean matches(CharSequence raw, String encoded) {
                    CHECKS.incrementAndGet();
                    return bcrypt.matches(raw, encoded);
                }
            };
        }
    }
}
