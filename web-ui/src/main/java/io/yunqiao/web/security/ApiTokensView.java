package io.yunqiao.web.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yunqiao.problem.Problem;
import io.yunqiao.web.shell.DeleteConfirmation;
import io.yunqiao.web.shell.Notices;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * Everyone's own personal API tokens: create one (shown once), see when each was last used, revoke. Reached from
 * the header; signing in to this screen needs the password, so a token can never make another token.
 */
@Route("tokens")
@PermitAll
class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final ApiTokens tokens;
    private final CurrentUser user;
    private final Grid<ApiTokenView> grid = new Grid<>();

    ApiTokensView(ApiTokens tokens, CurrentUser user) {
        this.tokens = tokens;
        this.user = user;
        addClassName("yq-page");
        Button add = new Button(getTranslation("tokens.add"), e -> openCreate());
        add.setId("add-token");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new HorizontalLayout(new H2(getTranslation("tokens.title")), add));
        Paragraph intro = new Paragraph(getTranslation("tokens.intro"));
        intro.addClassName("yq-muted");
        add(intro);

        grid.setId("tokens");
        grid.addColumn(ApiTokenView::name).setHeader(getTranslation("tokens.name")).setAutoWidth(true);
        grid.addColumn(t -> t.hint() + "…").setHeader(getTranslation("tokens.hint")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation("users.role." + t.role())).setHeader(getTranslation("tokens.role"))
                .setAutoWidth(true);
        grid.addColumn(t -> time(t.createdAt())).setHeader(getTranslation("tokens.created")).setAutoWidth(true);
        grid.addColumn(t -> time(t.lastUsedAt())).setHeader(getTranslation("tokens.lastUsed")).setAutoWidth(true);
        grid.addColumn(t -> t.expiresAt() == null ? getTranslation("tokens.never") : time(t.expiresAt()))
                .setHeader(getTranslation("tokens.expires")).setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("tokens.none"));
        add(grid);
        refresh();
    }

    private Button revokeButton(ApiTokenView token) {
        Button revoke = new Button(getTranslation("tokens.revoke"), e -> confirmRevoke(token).open());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return revoke;
    }

    private ConfirmDialog confirmRevoke(ApiTokenView token) {
        return DeleteConfirmation.of(getTranslation("tokens.confirmRevoke", token.name()),
                () -> {
                    try {
                        tokens.revoke(user.name(), token.id());
                        Notices.success(getTranslation("tokens.revoked"));
                    } catch (Problem e) {
                        Notices.error(getTranslation("common.refused", e.message(getLocale())));
                    }
                    refresh();
                });
    }

    private void openCreate() {
        TextField name = new TextField(getTranslation("tokens.name"));
        name.setId("token-name");
        name.setHelperText(getTranslation("tokens.nameHelp"));
        name.setMaxLength(ApiTokens.MAX_NAME);
        Select<Role> role = new Select<>();
        role.setId("token-role");
        role.setLabel(getTranslation("tokens.role"));
        List<Role> allowed = Arrays.stream(Role.values()).filter(r -> r.ordinal() <= myRole().ordinal()).toList();
        role.setItems(allowed);
        role.setItemLabelGenerator(r -> getTranslation("users.role." + r));
        role.setValue(Role.VIEWER);
        IntegerField days = new IntegerField(getTranslation("tokens.days"));
        days.setId("token-days");
        days.setMin(1);
        days.setMax(ApiTokens.MAX_DAYS);
        days.setValue(90);
        days.setHelperText(getTranslation("tokens.daysHelp"));
        Dialog dialog = new Dialog(getTranslation("tokens.add"));
        dialog.add(new FormLayout(name, role, days));
        Button create = new Button(getTranslation("tokens.create"), e -> {
            try {
                ApiTokens.Created created = tokens.create(user.name(), name.getValue(), role.getValue(),
                        days.getValue());
                dialog.close();
                refresh();
                showSecret(created.secret());
            } catch (Problem problem) {
                Notices.error(getTranslation("common.refused", problem.message(getLocale())));
            }
        });
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), create);
        dialog.open();
    }

    private void showSecret(String secret) {
        TextField field = new TextField(getTranslation("tokens.secret"));
        field.setId("token-secret");
        field.setValue(secret);
        field.setReadOnly(true);
        field.setWidthFull();
        Dialog dialog = new Dialog(getTranslation("tokens.secretTitle"));
        dialog.setWidth("36em");
        dialog.add(new Paragraph(getTranslation("tokens.secretText")), field);
        Button close = new Button(getTranslation("common.close"), e -> dialog.close());
        close.setId("token-secret-close");
        dialog.getFooter().add(close);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }

    private Role myRole() {
        return user.mayEdit() ? Role.ADMIN : user.mayOperate() ? Role.OPERATOR : Role.VIEWER;
    }

    private String time(Instant instant) {
        return instant == null ? getTranslation("common.none") : TIME.format(instant);
    }

    private void refresh() {
        grid.setItems(tokens.list(user.name()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tokens.pageTitle");
    }
}
