package io.yunqiao.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.web.security.Role;
import io.yunqiao.web.security.SignInLocks;
import io.yunqiao.web.security.UserAccounts;
import io.yunqiao.web.security.UserView;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Users screen over HTTP, for administrators only (SecurityConfiguration): list, add, change name, role and
 * enabled, reset a password, release a sign-in lock, delete. The same {@link UserAccounts} rules as the screen: the
 * last enabled administrator cannot be deleted, demoted or disabled. No answer holds a password or its hash.
 */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users 用户与角色", description = "People who sign in and their roles (administrators only)")
class UsersApi {

    private static final Logger LOG = LoggerFactory.getLogger(UsersApi.class);

    private final UserAccounts users;
    private final SignInLocks locks;

    UsersApi(UserAccounts users, SignInLocks locks) {
        this.users = users;
        this.locks = locks;
    }

    /**
     * A user: never the password or its hash.
     *
     * @param lockedUntil until when sign-ins of this name wait or are refused on the node that answers; null when
     *                    it may sign in now
     */
    record UserAnswer(long id, String username, String displayName, Role role, boolean enabled, Instant createdAt,
            Instant lockedUntil) {
    }

    /** A new user; the role defaults to VIEWER. */
    record CreateRequest(String username, String displayName, Role role, String password) {
    }

    /** What to change; an absent field keeps its value. */
    record ChangeRequest(String displayName, Role role, Boolean enabled) {
    }

    record PasswordRequest(String password) {
    }

    @GetMapping
    @Operation(summary = "Every user with role, enabled and sign-in lock (administrators)")
    List<UserAnswer> list() {
        return users.list().stream().map(this::answer).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user (administrators)")
    UserAnswer get(@PathVariable long id) {
        return answer(users.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a user: username (2 to 100 letters, digits or . _ @ -), display name, role (default"
            + " VIEWER) and a password of 8 characters to 72 bytes")
    UserAnswer create(@RequestBody CreateRequest request, Principal caller) {
        CreateRequest given = request == null ? new CreateRequest(null, null, null, null) : request;
        UserView created = users.create(given.username(), given.displayName(), given.role(), given.password());
        LOG.info("user '{}' ({}) created over the REST API by '{}'", created.username(), created.role(),
                caller.getName());
        return answer(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a user's display name, role or enabled (absent fields keep their value); 409 when"
            + " it would leave no enabled administrator")
    UserAnswer change(@PathVariable long id, @RequestBody ChangeRequest request, Principal caller) {
        UserView now = users.get(id);
        ChangeRequest given = request == null ? new ChangeRequest(null, null, null) : request;
        UserView changed = users.change(id, given.displayName() == null ? now.displayName() : given.displayName(),
                given.role() == null ? now.role() : given.role(),
                given.enabled() == null ? now.enabled() : given.enabled());
        LOG.info("user '{}' changed over the REST API by '{}': role {}, enabled {}", changed.username(),
                caller.getName(), changed.role(), changed.enabled());
        return answer(changed);
    }

    @PutMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reset a user's password (8 characters to 72 bytes)")
    void password(@PathVariable long id, @RequestBody PasswordRequest request, Principal caller) {
        users.setPassword(id, request == null ? null : request.password());
        LOG.info("password of user {} reset over the REST API by '{}'", id, caller.getName());
    }

    @PostMapping("/{id}/unlock")
    @Operation(summary = "Release the sign-in lock of a user on the node that answers (locks are kept per node)")
    UserAnswer unlock(@PathVariable long id, Principal caller) {
        UserView user = users.get(id);
        locks.release(user.username());
        LOG.info("sign-in lock of user '{}' released over the REST API by '{}'", user.username(), caller.getName());
        return answer(user);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a user; 409 for the last enabled administrator")
    void delete(@PathVariable long id, Principal caller) {
        UserView user = users.get(id);
        users.delete(id);
        LOG.info("user '{}' deleted over the REST API by '{}'", user.username(), caller.getName());
    }

    private UserAnswer answer(UserView user) {
        return new UserAnswer(user.id(), user.username(), user.displayName(), user.role(), user.enabled(),
                user.createdAt(), locks.lockedUntil(user.username()).orElse(null));
    }
}
