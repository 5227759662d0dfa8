package io.yunqiao.web.security;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    /**
     * The enabled accounts of a role, locked until the transaction ends: two requests demoting, disabling or deleting
     * two different administrators at once are thus checked one after the other, never both against the same count.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<UserAccount> findByRoleAndEnabled(Role role, boolean enabled);

    Optional<UserAccount> findFirstByMustChangePasswordTrueAndEnabledTrue();
}
