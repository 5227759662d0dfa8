package io.yunqiao.web.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import io.yunqiao.schedule.MaintenanceMode;
import io.yunqiao.web.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/**
 * The frame around every screen: the navigation on the left, the product name, the language switch and the
 * signed-in user on top. Screens with {@code @Route} get it automatically.
 */
@Layout
// Our own styles load at runtime from META-INF/resources (no frontend build: docs/development.md); on the app shell the
// annotation adds nothing in a production build, so the layouts carry it.
@StyleSheet("context://styles/yunqiao.css")
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private static final long serialVersionUID = 1L;

    private final MaintenanceMode maintenance;
    private final Anchor maintenanceBanner = new Anchor("maintenance");

    MainLayout(CurrentUser user, MaintenanceMode maintenance) {
        this.maintenance = maintenance;
        Span title = new Span(getTranslation("shell.title"));
        title.addClassName("yq-title");

        Select<Locale> language = new Select<>();
        language.setId("language");
        language.setItems(Translations.CHINESE, Locale.ENGLISH);
        language.setItemLabelGenerator(l -> l.getLanguage().equals("en") ? "English" : "中文");
        language.setValue(getLocale().getLanguage().equals("en") ? Locale.ENGLISH : Translations.CHINESE);
        language.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                LanguageChoice.choose(getUI().orElseThrow(), e.getValue());
            }
        });
        language.setWidth("7em");

        Span who = new Span(VaadinIcon.USER.create(), new Span(user.name()));
        who.setId("current-user");
        who.addClassName("yq-user");
        // personal API tokens for scripts (security's ApiTokensView)
        Button tokens = new Button(getTranslation("shell.apiTokens"), VaadinIcon.KEY.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("tokens")));
        tokens.setId("api-tokens");
        tokens.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button signOut = new Button(getTranslation("shell.signOut"), e -> user.signOut());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout end = new HorizontalLayout(language, who, tokens, signOut);
        end.setAlignItems(FlexComponent.Alignment.CENTER);
        end.addClassName("yq-header-end");
        // while the maintenance mode is on, every screen says so: schedules do not fire, whatever a screen shows
        maintenanceBanner.setId("maintenance-banner");
        maintenanceBanner.setText(getTranslation("maintenance.banner"));
        maintenanceBanner.getElement().getThemeList().add("badge error primary");
        maintenanceBanner.setVisible(false);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, maintenanceBanner, end);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(title);
        header.addClassName("yq-header");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.setId("nav");
        nav.addItem(item("shell.nav.dashboard", "", VaadinIcon.DASHBOARD));
        nav.addItem(item("shell.nav.solutions", "solutions", VaadinIcon.CONNECT));
        nav.addItem(item("shell.nav.templates", "templates", VaadinIcon.COPY_O));
        nav.addItem(item("shell.nav.runs", "runs", VaadinIcon.TIME_FORWARD));
        nav.addItem(item("shell.nav.connections", "connections", VaadinIcon.PLUG));
        nav.addItem(item("valuemaps.nav", "value-maps", VaadinIcon.TABLE));
        nav.addItem(item("shell.nav.connectors", "connectors", VaadinIcon.BOOK));
        if (user.mayEdit()) {
            nav.addItem(item("shell.nav.users", "users", VaadinIcon.USERS));
        }
        nav.addItem(item("maintenance.nav", "maintenance", VaadinIcon.PAUSE));
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    /** Reads the mode at each navigation: another operator or node may have switched it meanwhile. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        showMaintenance(maintenance.state().on());
    }

    /** Shows or hides the maintenance banner, for the maintenance screen right after its switch. */
    public void showMaintenance(boolean on) {
        maintenanceBanner.setVisible(on);
    }

    private SideNavItem item(String key, String path, VaadinIcon icon) {
        SideNavItem item = new SideNavItem(getTranslation(key), "/" + path, icon.create());
        item.setId("nav-" + (path.isEmpty() ? "dashboard" : path));
        return item;
    }
}
