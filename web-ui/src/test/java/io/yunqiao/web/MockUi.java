package io.yunqiao.web;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinRequest;
import io.yunqiao.web.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import java.util.List;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A Vaadin UI in the test's own thread (Karibu-Testing) on the test's Spring context, signed in as someone with a
 * role — for view tests that need no browser. Call {@link #stop()} after each test.
 */
public final class MockUi {

    private static final Routes ROUTES = routes();

    private MockUi() {
    }

    /** Starts a UI signed in as {@code username} with {@code role} (and the roles it includes). */
    public static void start(ApplicationContext context, String username, Role role) {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(Role.values())
                .filter(r -> r.ordinal() <= role.ordinal()).map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
                .authenticated(username, "n/a", authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
        FakeRequest request = (FakeRequest) ((VaadinServletRequest) VaadinRequest.getCurrent()).getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, name) -> authorities.stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + name)));
    }

    /**
     * Karibu's own discovery sees only public classes; our views are package-private, so Spring's scanner finds
     * them, and Karibu adds its error routes.
     */
    @SuppressWarnings("unchecked")
    private static Routes routes() {
        Routes discovered = new Routes().autoDiscoverViews("io.yunqiao.web");
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        Set<Class<? extends Component>> views = new HashSet<>(discovered.getRoutes());
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.yunqiao.web")) {
            try {
                views.add((Class<? extends Component>) Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Routes(views, discovered.getErrorRoutes(), true);
    }

    public static void stop() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}
