package io.yunqiao.web.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.web.shell.DeleteConfirmation;
import io.yunqiao.web.shell.Notices;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Administrators add people, give them a role, reset passwords and remove them. */
@Route("users")
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(UsersView.class);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final UserAccounts users;
    private final LoginThrottle throttle;
    private final CurrentUser currentUser;
    private final Grid<UserView> grid = new Grid<>();
    private final int nameLength;

    UsersView(UserAccounts users, InputLimits limits, LoginThrottle throttle, CurrentUser currentUser) {
        this.users = users;
        this.nameLength = limits.nameLength();
        this.throttle = throttle;
        this.currentUser = currentUser;
        addClassName("yq-page");
        Button add = new Button(getTranslation("users.add"), e -> openCreate());
        add.setId("add-user");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new HorizontalLayout(new H2(getTranslation("users.title")), add));

        grid.setId("users");
        grid.addColumn(UserView::username).setHeader(getTranslation("users.username")).setAutoWidth(true);
        grid.addColumn(u -> u.displayName() == null ? "" : u.displayName())
                .setHeader(getTranslation("users.displayName"));
        grid.addColumn(u -> getTranslation("users.role." + u.role())).setHeader(getTranslation("users.role"))
                .setAutoWidth(true);
        grid.addColumn(u -> getTranslation(u.enabled() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("users.enabled"));
        // sign-in limits are kept per node: this shows (and unlocks) the node this screen runs on
        grid.addColumn(u -> throttle.waitsUntil(u.username()).map(TIME::format).orElse(""))
                .setHeader(getTranslation("users.locked")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private HorizontalLayout actions(UserView user) {
        Button edit = new Button(getTranslation("common.edit"), e -> openEdit(user));
        Button password = new Button(getTranslation("users.setPassword"), e -> openPassword(user));
        Button delete = new Button(getTranslation("common.delete"), e -> confirmDelete(user));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button unlock = new Button(getTranslation("users.unlock"), e -> unlock(user));
        unlock.setId("unlock-" + user.username());
        unlock.setVisible(throttle.waitsUntil(user.username()).isPresent());
        for (Button b : new Button[] {edit, password, unlock, delete}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(edit, password, unlock, delete);
    }

    private void unlock(UserView user) {
        throttle.release(user.username());
        LOG.info("sign-in lock of user '{}' released by '{}'", user.username(), currentUser.name());
        Notices.success(getTranslation("users.unlocked", user.username()));
        refresh();
    }

    private void openCreate() {
        TextField username = new TextField(getTranslation("users.username"));
        username.setId("user-username");
        TextField displayName = new TextField(getTranslation("users.displayName"));
        displayName.setMaxLength(nameLength);
        Select<Role> role = roleSelect(Role.VIEWER);
        PasswordField password = new PasswordField(getTranslation("users.password"));
        password.setId("user-password");
        password.setHelperText(getTranslation("users.passwordHelp", UserAccounts.MIN_PASSWORD_LENGTH));
        Dialog dialog = new Dialog(getTranslation("users.add"));
        dialog.add(new FormLayout(username, displayName, role, password));
        Button save = new Button(getTranslation("common.save"), e -> attempt(() -> {
            users.create(username.getValue(), displayName.getValue(), role.getValue(), password.getValue());
            dialog.close();
        }));
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openEdit(UserView user) {
        TextField displayName = new TextField(getTranslation("users.displayName"));
        displayName.setMaxLength(nameLength);
        displayName.setValue(user.displayName() == null ? "" : user.displayName());
        Select<Role> role = roleSelect(user.role());
        Checkbox enabled = new Checkbox(getTranslation("users.enabled"), user.enabled());
        Dialog dialog = new Dialog(user.username());
        dialog.add(new FormLayout(displayName, role, enabled));
        Button save = new Button(getTranslation("common.save"), e -> attempt(() -> {
            users.change(user.id(), displayName.getValue(), role.getValue(), enabled.getValue());
            dialog.close();
        }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openPassword(UserView user) {
        PasswordField password = new PasswordField(getTranslation("users.newPassword"));
        password.setHelperText(getTranslation("users.passwordHelp", UserAccounts.MIN_PASSWORD_LENGTH));
        Dialog dialog = new Dialog(getTranslation("users.setPassword") + " · " + user.username());
        dialog.add(password);
        Button save = new Button(getTranslation("common.save"), e -> attempt(() -> {
            users.setPassword(user.id(), password.getValue());
            dialog.close();
        }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void confirmDelete(UserView user) {
        DeleteConfirmation.of(getTranslation("users.confirmDelete", user.username()),
                () -> attempt(() -> users.delete(user.id()))).open();
    }

    private Select<Role> roleSelect(Role initial) {
        Select<Role> role = new Select<>();
        role.setId("user-role");
        role.setLabel(getTranslation("users.role"));
        role.setItems(Role.ADMIN, Role.OPERATOR, Role.VIEWER);
        role.setItemLabelGenerator(r -> getTranslation("users.role." + r));
        role.setValue(initial);
        return role;
    }

    private void attempt(Runnable action) {
        try {
            action.run();
            Notices.success(getTranslation("common.saved"));
            refresh();
        } catch (Problem e) {
            Notices.error(getTranslation("common.refused", e.message(getLocale())));
        }
    }

    private void refresh() {
        grid.setItems(users.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.pageTitle");
    }
}
