package io.yunqiao.web.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (no users yet) creates the administrator: with {@code yunqiao.security.admin-password} when it
 * is set, else with a generated password printed once in the log — it is stored only as a hash, so that log line
 * is the one chance to read it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserAccounts users;
    private final String username;
    private final String configuredPassword;

    FirstAdmin(UserAccounts users, @Value("${yunqiao.security.admin-username:admin}") String username,
            @Value("${yunqiao.security.admin-password:}") String configuredPassword) {
        this.users = users;
        this.username = username;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            return;
        }
        if (!configuredPassword.isBlank()) {
            users.create(username, null, Role.ADMIN, configuredPassword);
            LOG.info("created administrator '{}' with the password from yunqiao.security.admin-password", username);
            return;
        }
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        users.create(username, null, Role.ADMIN, password);
        LOG.warn("""

                ==== Yunqiao administrator created ====
                  user:     {}
                  password: {}
                This password is shown only now. Sign in and change it under 用户 Users, or set
                yunqiao.security.admin-password before the first start next time.
                =======================================""", username, password);
    }
}
