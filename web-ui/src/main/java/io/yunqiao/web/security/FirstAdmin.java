package io.yunqiao.web.security;

import io.yunqiao.problem.Problem;
import io.yunqiao.problem.ProblemTexts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On the first start (no users yet) creates the administrator: with {@code yunqiao.security.admin-password} (the
 * environment variable {@code YUNQIAO_ADMIN_PASSWORD}) when it is set, else with the first line of the file
 * {@code yunqiao.security.admin-password-file} (e.g. a Docker secret), else with a generated password printed once
 * in the log — it is stored only as a hash, so that log line is the one chance to read it. A password file that is
 * named but cannot be read stops the start: silently generating a password instead would hide the mistake.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserAccounts users;
    private final String username;
    private final String configuredPassword;
    private final String passwordFile;

    FirstAdmin(UserAccounts users, @Value("${yunqiao.security.admin-username:admin}") String username,
            @Value("${yunqiao.security.admin-password:}") String configuredPassword,
            @Value("${yunqiao.security.admin-password-file:}") String passwordFile) {
        this.users = users;
        this.username = username;
        this.configuredPassword = configuredPassword;
        this.passwordFile = passwordFile;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            return;
        }
        if (!configuredPassword.isBlank()) {
            if (created(configuredPassword)) {
                LOG.info("created administrator '{}' with the password from yunqiao.security.admin-password",
                        username);
            }
            return;
        }
        if (!passwordFile.isBlank()) {
            if (created(readPasswordFile(Path.of(passwordFile)))) {
                LOG.info("created administrator '{}' with the password from the file {}", username, passwordFile);
            }
            return;
        }
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (!created(password)) {
            return;
        }
        LOG.warn("""

                ==== Yunqiao administrator created ====
                  user:     {}
                  password: {}
                This password is shown only now. Sign in and change it under 用户 Users, or set
                YUNQIAO_ADMIN_PASSWORD or YUNQIAO_ADMIN_PASSWORD_FILE before the first start next time.
                =======================================""", username, password);
    }

    /**
     * Creates the administrator, or answers false when another node starting at the same moment on the same empty
     * database created it first (the user name is unique in the database): that node's log has the password, and
     * this node starts normally instead of dying on the clash.
     */
    private boolean created(String password) {
        try {
            users.create(username, null, Role.ADMIN, password);
            return true;
        } catch (DataIntegrityViolationException | Problem e) {
            if (e instanceof Problem problem && !"problem.user.nameTaken".equals(problem.code())) {
                throw problem;
            }
            if (users.isEmpty()) {
                // not the other node's administrator after all: a real fault, which must stop the start
                throw e;
            }
            LOG.info("administrator '{}' was created by another node starting at the same time on this database; a"
                    + " generated password is in that node's log", username);
            return false;
        }
    }

    /** The file's first line, without its line break (editors and `echo` add one). */
    private static String readPasswordFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(ProblemTexts.render("problem.security.adminPasswordFile", Locale.ENGLISH,
                    file, e.getClass().getSimpleName()), e);
        }
    }
}
