package io.yunqiao.web.valuemaps;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.valuemap.ValueMapTable;
import io.yunqiao.valuemap.ValueMapTables;
import io.yunqiao.web.security.CurrentUser;
import io.yunqiao.web.shell.Notices;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The value-map tables (数据字典): every table with its description, size and the solutions that read it, and the
 * tables solutions read that do not exist. Everyone sees them; administrators create and delete them.
 */
@Route("value-maps")
@PermitAll
class ValueMapsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final ValueMapTables tables;
    private final CurrentUser user;
    private final InputLimits limits;
    private final Grid<ValueMapTable> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();

    ValueMapsView(ValueMapTables tables, CurrentUser user, InputLimits limits) {
        this.tables = tables;
        this.user = user;
        this.limits = limits;
        addClassName("yq-page");
        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("valuemaps.title")));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (user.mayEdit()) {
            Button add = new Button(getTranslation("valuemaps.new"), VaadinIcon.PLUS.create(), e -> offerNew(null));
            add.setId("new-value-map");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(add);
        }
        Paragraph intro = new Paragraph(getTranslation("valuemaps.intro"));
        intro.addClassName("yq-muted");
        add(header, intro);

        grid.setId("value-maps");
        grid.addComponentColumn(this::name).setKey("name").setHeader(getTranslation("valuemaps.column.name"))
                .setAutoWidth(true).setSortable(true).setComparator(ValueMapTable::name);
        grid.addColumn(t -> t.description() == null ? "" : t.description()).setKey("description")
                .setHeader(getTranslation("valuemaps.column.description")).setFlexGrow(2);
        grid.addColumn(ValueMapTable::entries).setKey("entries").setHeader(getTranslation("valuemaps.column.entries"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(t -> UsedBy.of(t.usedBy(), user.mayEdit(), this::getTranslation)).setKey("usedBy")
                .setHeader(getTranslation("valuemaps.column.usedBy")).setFlexGrow(2);
        grid.addColumn(t -> t.updatedAt() == null ? "" : TIME.format(t.updatedAt())).setKey("updated")
                .setHeader(getTranslation("valuemaps.column.updated")).setAutoWidth(true).setFlexGrow(0);
        if (user.mayEdit()) {
            grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        empty.setId("value-maps-empty");
        empty.addClassName("yq-muted");
        add(grid, empty);
        refresh();
    }

    private Component name(ValueMapTable table) {
        if (!table.exists()) {
            Span name = new Span(table.name());
            Span missing = new Span(getTranslation("valuemaps.missing"));
            missing.getElement().getThemeList().add("badge error");
            missing.setId("missing-" + table.name());
            return new Div(name, new Span(" "), missing);
        }
        RouterLink link = new RouterLink(table.name(), ValueMapEditorView.class,
                new RouteParameters(ValueMapEditorView.TABLE, table.name()));
        link.setId("open-map-" + table.name());
        return link;
    }

    private Component actions(ValueMapTable table) {
        if (!table.exists()) {
            Button create = new Button(getTranslation("valuemaps.createMissing"), e -> offerNew(table.name()));
            create.setId("create-missing-" + table.name());
            create.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return create;
        }
        Button delete = new Button(getTranslation("common.delete"), VaadinIcon.TRASH.create(),
                e -> TableDeletion.confirm(tables, table.name(), this::refresh));
        delete.setId("delete-map-" + table.name());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return delete;
    }

    private void offerNew(String name) {
        Dialog dialog = new Dialog(getTranslation("valuemaps.new"));
        dialog.setId("new-map-dialog");
        TextField nameField = new TextField(getTranslation("valuemaps.field.name"));
        nameField.setId("map-name");
        nameField.setMaxLength(limits.nameLength());
        nameField.setWidth("24em");
        nameField.setHelperText(getTranslation("valuemaps.field.nameHelp"));
        if (name != null) {
            nameField.setValue(name);
        }
        TextArea description = new TextArea(getTranslation("valuemaps.field.description"));
        description.setId("map-description-new");
        description.setMaxLength(limits.descriptionLength());
        description.setWidth("24em");
        VerticalLayout fields = new VerticalLayout(nameField, description);
        fields.setPadding(false);
        dialog.add(fields);
        Button create = new Button(getTranslation("valuemaps.create"), e -> {
            try {
                ValueMapTable created = tables.create(nameField.getValue().strip(), description.getValue());
                dialog.close();
                Notices.success(getTranslation("valuemaps.created", created.name()));
                UI.getCurrent().navigate(ValueMapEditorView.class,
                        new RouteParameters(ValueMapEditorView.TABLE, created.name()));
            } catch (Problem problem) {
                nameField.setInvalid(true);
                nameField.setErrorMessage(problem.message(getLocale()));
            }
        });
        create.setId("map-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), create);
        dialog.open();
    }

    private void refresh() {
        List<ValueMapTable> all = tables.tables();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setText(getTranslation(user.mayEdit() ? "valuemaps.emptyAdmin" : "valuemaps.empty"));
        empty.setVisible(all.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("valuemaps.pageTitle");
    }
}
