package io.yunqiao.web.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * What the signed-in person may do, for screens that show or hide buttons. Hidden buttons are also refused on the
 * server: Vaadin ignores events from invisible components, and the REST API checks roles per request.
 */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;

    CurrentUser(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    /** The sign-in name, or an empty string when nobody is signed in. */
    public String name() {
        return authentication.getPrincipalName().orElse("");
    }

    /** Edit connections, solutions and users. */
    public boolean mayEdit() {
        return authentication.hasRole(Role.ADMIN.name());
    }

    /** Run, dry-run, re-push, switch on and off. */
    public boolean mayOperate() {
        return authentication.hasRole(Role.OPERATOR.name());
    }

    public void signOut() {
        authentication.logout();
    }
}
