package io.yunqiao.web.security;

import io.yunqiao.problem.Problem;
import io.yunqiao.problem.ProblemTexts;
import io.yunqiao.run.NodeName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On the first start (no users yet) creates the administrator: with {@code yunqiao.security.admin-password} (the
 * environment variable {@code YUNQIAO_ADMIN_PASSWORD}) when it is set, else with the first line of the file
 * {@code yunqiao.security.admin-password-file} (e.g. a Docker secret), else with a generated one-time password
 * printed in this node's log with the address to open: it is stored only as a hash, and the administrator must
 * choose a password of their own at the first sign-in ({@link FirstPasswordGuard}). The account remembers which node
 * created it, so another node's log and the login page can say whose log to read. A password file that is named but
 * cannot be read stops the start: silently generating a password instead would hide the mistake.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserAccounts users;
    private final String username;
    private final String configuredPassword;
    private final String passwordFile;
    private final String node;
    private final String baseUrl;
    private final Environment environment;

    @Autowired
    FirstAdmin(UserAccounts users, @Value("${yunqiao.security.admin-username:admin}") String username,
            @Value("${yunqiao.security.admin-password:}") String configuredPassword,
            @Value("${yunqiao.security.admin-password-file:}") String passwordFile,
            NodeName node, @Value("${yunqiao.alerts.base-url:}") String baseUrl, Environment environment) {
        this(users, username, configuredPassword, passwordFile, node.value(), baseUrl, environment);
    }

    private FirstAdmin(UserAccounts users, String username, String configuredPassword, String passwordFile,
            String node, String baseUrl, Environment environment) {
        this.users = users;
        this.username = username;
        this.configuredPassword = configuredPassword;
        this.passwordFile = passwordFile;
        this.node = node;
        this.baseUrl = baseUrl;
        this.environment = environment;
    }

    /** For tests: node {@code node-a} on localhost:8080. */
    FirstAdmin(UserAccounts users, String username, String configuredPassword, String passwordFile) {
        this(users, username, configuredPassword, passwordFile, "node-a", "http://localhost:8080",
                new StandardEnvironment());
    }

    /**
     * Where people open Yunqiao when it is configured (alerts link there too), else this node on the port it
     * listens on (known once the server started, which is before application runners run).
     */
    private String address() {
        String base = baseUrl.isBlank() ? "http://" + NodeName.hostName() + ":"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
                : baseUrl.replaceAll("/+$", "");
        return base + "/login";
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            remindOfOneTimePassword();
            return;
        }
        if (!configuredPassword.isBlank()) {
            if (created(configuredPassword, false)) {
                LOG.info("created administrator '{}' with the password from yunqiao.security.admin-password",
                        username);
            }
            return;
        }
        if (!passwordFile.isBlank()) {
            if (created(readPasswordFile(Path.of(passwordFile)), false)) {
                LOG.info("created administrator '{}' with the password from the file {}", username, passwordFile);
            }
            return;
        }
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (!created(password, true)) {
            return;
        }
        LOG.warn("""

                ==== Yunqiao administrator created (管理员已创建) on node {} ====
                  open:               {}
                  user:               {}
                  one-time password:  {}
                This one-time password is shown only here, in the log of node {}. It must be changed at the first
                sign-in: Yunqiao asks for a new password before anything else, and this one stops working then.
                首次登录后必须立即设置新密码，之后这个一次性密码失效。
                To choose the password before the first start instead, set YUNQIAO_ADMIN_PASSWORD or
                YUNQIAO_ADMIN_PASSWORD_FILE.
                ==============================================""", node, address(), username, password, node);
    }

    /**
     * A node starting on a database whose administrator still has its one-time password says whose log holds it,
     * so that the operator need not search every node's log.
     */
    private void remindOfOneTimePassword() {
        users.creation(username).filter(UserAccounts.Creation::oneTimePassword).ifPresent(creation -> LOG.warn(
                "administrator '{}' still has the one-time password printed in the log of node {} (search it for"
                        + " \"Yunqiao administrator created\"); sign in at {} and choose a password", username,
                creation.node(), address()));
    }

    /**
     * Creates the administrator, or answers false when another node starting at the same moment on the same empty
     * database created it first (the user name is unique in the database): that node's log has the password, and
     * this node starts normally instead of dying on the clash, saying which node that was.
     */
    private boolean created(String password, boolean oneTime) {
        try {
            users.createFirstAdmin(username, password, oneTime, node);
            return true;
        } catch (DataIntegrityViolationException | Problem e) {
            if (e instanceof Problem problem && !"problem.user.nameTaken".equals(problem.code())) {
                throw problem;
            }
            if (users.isEmpty()) {
                // not the other node's administrator after all: a real fault, which must stop the start
                throw e;
            }
            String creator = users.creation(username).map(UserAccounts.Creation::node).orElse(null);
            LOG.info("administrator '{}' was created by node {} starting at the same time on this database; a"
                    + " generated one-time password is in that node's log", username,
                    creator == null ? "(unknown)" : creator);
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
