package io.yunqiao.web.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    long countByRoleAndEnabled(Role role, boolean enabled);

    Optional<UserAccount> findFirstByMustChangePasswordTrueAndEnabledTrue();
}
