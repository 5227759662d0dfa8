package io.yunqiao.web.security;

import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who may sign in, for the login form and HTTP Basic alike. The last enabled ADMIN cannot be removed,
 * demoted or disabled, so nobody locks everybody out.
 */
@Service
@Transactional
public class UserAccounts implements UserDetailsService {

    /**
     * The authority of someone signed in with a one-time password: the REST API refuses them and the UI sends them
     * to choose a password first ({@link FirstPasswordGuard}).
     */
    public static final String MUST_CHANGE_PASSWORD = "PASSWORD_CHANGE_REQUIRED";

    /** At least this many characters; short passwords are refused with this number in the message. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    /** BCrypt reads at most 72 bytes: a longer password would be cut silently (Spring refuses it with an exception). */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final InputLimits limits;

    UserAccounts(UserAccountRepository accounts, PasswordEncoder encoder, Clock clock, InputLimits limits) {
        this.limits = limits;
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
        String[] authorities = account.role().authorities();
        if (account.mustChangePassword()) {
            authorities = java.util.Arrays.copyOf(authorities, authorities.length + 1);
            authorities[authorities.length - 1] = MUST_CHANGE_PASSWORD;
        }
        return User.withUsername(account.username()).password(account.passwordHash())
                .authorities(authorities).disabled(!account.enabled()).build();
    }

    @Transactional(readOnly = true)
    public List<UserView> list() {
        return accounts.findAll().stream().map(UserAccounts::view)
                .sorted(Comparator.comparing(UserView::username)).toList();
    }

    /** One user, as the screens show it. */
    @Transactional(readOnly = true)
    public UserView get(long id) {
        return view(find(id));
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return accounts.count() == 0;
    }

    public UserView create(String username, String displayName, Role role, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw Problem.coded(Problem.Kind.INVALID, "username", "problem.user.nameInvalid", String.valueOf(username));
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.user.nameTaken", username);
        }
        limits.checkName("displayName", displayName);
        checkPassword(password);
        UserAccount account = new UserAccount(username, blankToNull(displayName), encoder.encode(password),
                role == null ? Role.VIEWER : role, clock.instant());
        try {
            return view(accounts.saveAndFlush(account));
        } catch (DataIntegrityViolationException e) {
            // the same name created at the same moment by another request: the unique name decided
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.user.nameTaken", username);
        }
    }

    /**
     * The first start's administrator: created on {@code node}, with a generated one-time password when
     * {@code oneTime} (it must choose its own at the first sign-in), else with the configured one.
     */
    public UserView createFirstAdmin(String username, String password, boolean oneTime, String node) {
        UserView created = create(username, null, Role.ADMIN, password);
        find(created.id()).createdOn(node, oneTime);
        return created;
    }

    /** The node whose log holds the one-time password of an account that still has one, if any. */
    @Transactional(readOnly = true)
    public Optional<String> oneTimePasswordNode() {
        return accounts.findFirstByMustChangePasswordTrueAndEnabledTrue()
                .map(a -> a.createdOnNode() == null ? "?" : a.createdOnNode());
    }

    /** The node that created {@code username}'s account, and whether it still has its one-time password. */
    @Transactional(readOnly = true)
    public Optional<Creation> creation(String username) {
        return accounts.findByUsername(username).map(a -> new Creation(a.createdOnNode(), a.mustChangePassword()));
    }

    /** Which node created an account, and whether it still has its one-time password. */
    public record Creation(String node, boolean oneTimePassword) {
    }

    @Transactional(readOnly = true)
    public boolean mustChangePassword(String username) {
        return accounts.findByUsername(username).map(UserAccount::mustChangePassword).orElse(false);
    }

    /**
     * Replaces {@code username}'s one-time password with one they chose: refused when the account has none any
     * more (chosen meanwhile, e.g. in another browser) and when the new one is the one-time password again.
     */
    public void chooseFirstPassword(String username, String password) {
        UserAccount account = accounts.findByUsername(username).filter(UserAccount::mustChangePassword)
                .orElseThrow(() -> Problem.coded(Problem.Kind.CONFLICT, null, "problem.user.passwordAlreadyChosen"));
        checkPassword(password);
        if (encoder.matches(password, account.passwordHash())) {
            throw Problem.coded(Problem.Kind.INVALID, "password", "problem.user.passwordNotNew");
        }
        account.chosenPassword(encoder.encode(password), clock.instant());
        try {
            accounts.flush();
        } catch (OptimisticLockingFailureException e) {
            // chosen at the same moment in another browser
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.user.passwordAlreadyChosen");
        }
    }

    public UserView change(long id, String displayName, Role role, boolean enabled) {
        UserAccount account = find(id);
        limits.checkName("displayName", displayName);
        if (account.role() == Role.ADMIN && account.enabled() && (role != Role.ADMIN || !enabled)) {
            checkNotLastAdmin();
        }
        account.change(blankToNull(displayName), role, enabled, clock.instant());
        flush(account.username());
        return view(account);
    }

    public void setPassword(long id, String password) {
        checkPassword(password);
        UserAccount account = find(id);
        account.password(encoder.encode(password), clock.instant());
        flush(account.username());
    }

    public void delete(long id) {
        UserAccount account = find(id);
        if (account.role() == Role.ADMIN && account.enabled()) {
            checkNotLastAdmin();
        }
        accounts.delete(account);
        flush(account.username());
    }

    private void checkNotLastAdmin() {
        if (accounts.findByRoleAndEnabled(Role.ADMIN, true).size() <= 1) {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.user.lastAdmin");
        }
    }

    /**
     * Writes now, so that an account changed or deleted meanwhile by another request (its version moved on) is
     * refused with a coded conflict here rather than failing at the commit.
     */
    private void flush(String username) {
        try {
            accounts.flush();
        } catch (OptimisticLockingFailureException e) {
            throw Problem.coded(Problem.Kind.CONFLICT, null, "problem.user.changedMeanwhile", username);
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw Problem.coded(Problem.Kind.INVALID, "password", "problem.user.passwordTooShort",
                    String.valueOf(MIN_PASSWORD_LENGTH));
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw Problem.coded(Problem.Kind.INVALID, "password", "problem.user.passwordTooLong",
                    String.valueOf(MAX_PASSWORD_BYTES));
        }
    }

    private UserAccount find(long id) {
        return accounts.findById(id).orElseThrow(() -> Problem.coded(Problem.Kind.NOT_FOUND, null,
                "problem.user.notFound", String.valueOf(id)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static UserView view(UserAccount account) {
        return new UserView(account.id(), account.username(), account.displayName(), account.role(),
                account.enabled(), account.createdAt());
    }
}
