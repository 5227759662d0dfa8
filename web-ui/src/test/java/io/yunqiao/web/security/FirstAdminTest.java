package io.yunqiao.web.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.yunqiao.problem.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The first administrator when several nodes start at once on an empty database: the one whose insert loses the
 * race starts normally, and a real failure to create the administrator still stops the start.
 */
class FirstAdminTest {

    private final UserAccounts users = mock(UserAccounts.class);

    @Test
    void withoutAConfiguredPasswordTheAdministratorGetsAOneTimePasswordMarkedWithThisNode() {
        // given an empty user table and no password configured
        when(users.isEmpty()).thenReturn(true);
        // when this node runs its first-start step
        new FirstAdmin(users, "admin", "", "").run(null);
        // then the administrator is created with a generated one-time password, as created by this node
        verify(users).createFirstAdmin(eq("admin"), argThat(p -> p.length() >= 16), eq(true), eq("node-a"));
    }

    @Test
    void aConfiguredPasswordIsNoOneTimePassword() {
        // given an empty user table and a configured password
        when(users.isEmpty()).thenReturn(true);
        // when this node runs its first-start step
        new FirstAdmin(users, "admin", "configured-pass-1", "").run(null);
        // then the administrator keeps that password: nothing to change at the first sign-in
        verify(users).createFirstAdmin("admin", "configured-pass-1", false, "node-a");
    }

    @Test
    void aNodeThatLosesTheRaceToCreateTheAdministratorStartsNormally() {
        // given an empty user table whose insert of admin clashes with another node's (the unique user name)
        when(users.isEmpty()).thenReturn(true, false);
        when(users.createFirstAdmin(eq("admin"), any(), anyBoolean(), any()))
                .thenThrow(new DataIntegrityViolationException("duplicate key yq_user_account_username"));
        // when this node runs its first-start step, then it does not fail
        assertThatCode(() -> new FirstAdmin(users, "admin", "", "").run(null)).doesNotThrowAnyException();
    }

    @Test
    void aNodeThatFindsTheAdministratorCreatedBetweenItsCheckAndItsInsertStartsNormally() {
        // given the other node committed between this node's emptiness check and its own check of the name
        when(users.isEmpty()).thenReturn(true, false);
        when(users.createFirstAdmin(eq("admin"), any(), anyBoolean(), any()))
                .thenThrow(Problem.coded(Problem.Kind.CONFLICT, null, "problem.user.nameTaken", "admin"));
        // when it runs with a configured password, then it does not fail
        assertThatCode(() -> new FirstAdmin(users, "admin", "configured-pass-1", "").run(null))
                .doesNotThrowAnyException();
    }

    @Test
    void aClashThatLeavesNoUserBehindStillStopsTheStart() {
        // given an insert that fails although no user exists afterwards (not another node's administrator)
        when(users.isEmpty()).thenReturn(true, true);
        when(users.createFirstAdmin(eq("admin"), any(), anyBoolean(), any()))
                .thenThrow(new DataIntegrityViolationException("some other constraint"));
        // when the first-start step runs, then the failure stops the start
        assertThatThrownBy(() -> new FirstAdmin(users, "admin", "", "").run(null))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aRefusedConfiguredPasswordStillStopsTheStart() {
        // given a configured password the account rules refuse
        when(users.isEmpty()).thenReturn(true);
        when(users.createFirstAdmin(eq("admin"), any(), anyBoolean(), any()))
                .thenThrow(Problem.coded(Problem.Kind.INVALID, "password", "problem.user.passwordTooShort", 8));
        // when the first-start step runs, then the refusal stops the start
        assertThatThrownBy(() -> new FirstAdmin(users, "admin", "short", "").run(null)).isInstanceOf(Problem.class);
    }
}
