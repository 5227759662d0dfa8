package io.yunqiao.web.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Someone signed in with a one-time password reaches no screen but {@link FirstPasswordView} until they chose a
 * password: every navigation is checked on the server, whatever address the browser asks for.
 */
@Component
class FirstPasswordGuard implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(FirstPasswordGuard::check));
    }

    static void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == FirstPasswordView.class || target == LoginView.class) {
            return;
        }
        if (mustChangePassword(SecurityContextHolder.getContext().getAuthentication())) {
            event.rerouteTo(FirstPasswordView.class);
        }
    }

    static boolean mustChangePassword(Authentication signedIn) {
        return signedIn != null && signedIn.getAuthorities().stream()
                .anyMatch(a -> UserAccounts.MUST_CHANGE_PASSWORD.equals(a.getAuthority()));
    }
}
