package io.yunqiao.web.valuemaps;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.valuemap.ValueMapFileRefused;
import io.yunqiao.valuemap.ValueMapImport;
import io.yunqiao.valuemap.ValueMapLimits;
import io.yunqiao.valuemap.ValueMapTable;
import io.yunqiao.valuemap.ValueMapTables;
import io.yunqiao.valuemap.ValueMapUse;
import io.yunqiao.web.security.CurrentUser;
import io.yunqiao.web.shell.BoundedImport;
import io.yunqiao.web.shell.ComponentTexts;
import io.yunqiao.web.shell.Notices;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One value-map table: its entries in a searchable grid, how mappings read it, the solutions that do; for
 * administrators adding, changing and removing entries, importing a CSV file (replacing or merging; a refused file
 * shows every wrong line), renaming, describing and deleting. Everyone may export.
 */
@Route("value-maps/:" + ValueMapEditorView.TABLE)
@PermitAll
class ValueMapEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    static final String TABLE = "table";

    /** One entry of the grid. */
    record Entry(String key, String value) {
    }

    private final ValueMapTables tables;
    private final CurrentUser user;
    private final InputLimits limits;
    private final ValueMapLimits tableLimits;
    private final H2 title = new H2();
    private final Paragraph missing = new Paragraph();
    private final VerticalLayout content = new VerticalLayout();
    private final Span usage = new Span();
    private final Div usedBy = new Div();
    private final TextArea description = new TextArea();
    private final TextField search = new TextField();
    private final Span count = new Span();
    private final Grid<Entry> grid = new Grid<>();
    private final RadioButtonGroup<ValueMapImport.Mode> mode = new RadioButtonGroup<>();
    private Upload upload;
    private String table;
    private boolean built;
    private List<Entry> entries = List.of();

    ValueMapEditorView(ValueMapTables tables, CurrentUser user, InputLimits limits, ValueMapLimits tableLimits) {
        this.tables = tables;
        this.user = user;
        this.limits = limits;
        this.tableLimits = tableLimits;
        addClassName("yq-page");
        title.setId("map-title");
        missing.setId("map-missing");
        missing.setVisible(false);
        add(new Anchor("value-maps", getTranslation("valuemaps.back")), title, missing, content);
        content.setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // typed or reloaded addresses arrive percent-encoded; table names hold no '%' (ValueMapTables), so decoding
        // a name that arrives as it is changes nothing
        table = URLDecoder.decode(event.getRouteParameters().get(TABLE).orElse("").replace("+", "%2B"),
                StandardCharsets.UTF_8);
        ValueMapTable found;
        try {
            found = tables.table(table);
        } catch (Problem problem) {
            title.setText(getTranslation("valuemaps.editor.title", table));
            missing.setText(problem.message(getLocale()));
            missing.setVisible(true);
            content.setVisible(false);
            return;
        }
        missing.setVisible(false);
        content.setVisible(true);
        title.setText(getTranslation("valuemaps.editor.title", table));
        // the view stays when one table's page leads to another's (after a rename): built once, then filled
        if (!built) {
            build();
            built = true;
        }
        usage.setText(getTranslation("valuemaps.editor.usage", table));
        description.setValue(found.description() == null ? "" : found.description());
        description.setInvalid(false);
        search.clear();
        refresh();
    }

    private void build() {
        usage.setId("map-usage");
        usage.addClassName("yq-muted");
        usedBy.setId("map-used-by");
        Span usedByLabel = new Span(getTranslation("valuemaps.editor.usedBy"));
        HorizontalLayout used = new HorizontalLayout(usedByLabel, usedBy);
        used.setSpacing(true);

        description.setId("map-description");
        description.setLabel(getTranslation("valuemaps.field.description"));
        description.setMaxLength(limits.descriptionLength());
        description.setWidth("36em");
        description.setReadOnly(!user.mayEdit());
        HorizontalLayout about = new HorizontalLayout(description);
        about.setAlignItems(FlexComponent.Alignment.END);
        if (user.mayEdit()) {
            Button save = new Button(getTranslation("valuemaps.editor.saveDescription"), e -> saveDescription());
            save.setId("save-description");
            Button rename = new Button(getTranslation("valuemaps.editor.rename"), e -> offerRename());
            rename.setId("rename-map");
            about.add(save, rename);
        }

        search.setId("map-search");
        search.setPlaceholder(getTranslation("valuemaps.editor.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> showEntries());
        count.setId("map-count");
        count.addClassName("yq-muted");
        HorizontalLayout toolbar = new HorizontalLayout(search);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.getStyle().set("flex-wrap", "wrap");
        if (user.mayEdit()) {
            Button add = new Button(getTranslation("valuemaps.editor.add"), VaadinIcon.PLUS.create(),
                    e -> editEntry(null));
            add.setId("add-entry");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(add);
        }
        toolbar.add(exportLink());
        if (user.mayEdit()) {
            Button delete = new Button(getTranslation("valuemaps.editor.delete"), VaadinIcon.TRASH.create(),
                    e -> TableDeletion.confirm(tables, table, () -> UI.getCurrent().navigate(ValueMapsView.class)));
            delete.setId("delete-map");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            toolbar.add(delete);
        }
        toolbar.add(count);

        grid.setId("map-entries");
        grid.addColumn(Entry::key).setKey("key").setHeader(getTranslation("valuemaps.column.key")).setSortable(true)
                .setFlexGrow(1);
        grid.addColumn(Entry::value).setKey("value").setHeader(getTranslation("valuemaps.column.value"))
                .setSortable(true).setFlexGrow(1);
        if (user.mayEdit()) {
            grid.addComponentColumn(this::rowActions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("28em");

        content.add(usage, used, about, toolbar, grid);
        if (user.mayEdit()) {
            content.add(importSection());
        }
    }

    private Component rowActions(Entry entry) {
        Button edit = new Button(getTranslation("common.edit"), e -> editEntry(entry));
        edit.addClassName("yq-edit-entry");
        Button remove = new Button(getTranslation("common.delete"), e -> removeEntry(entry));
        remove.addClassName("yq-remove-entry");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(edit, remove);
        actions.getChildren().map(Button.class::cast)
                .forEach(b -> b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY));
        return actions;
    }

    private Component importSection() {
        Paragraph hint = new Paragraph(getTranslation("valuemaps.import.hint"));
        hint.addClassName("yq-muted");
        mode.setId("import-mode");
        mode.setLabel(getTranslation("valuemaps.import.mode"));
        mode.setItems(ValueMapImport.Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("valuemaps.import.mode." + m.name()));
        mode.setValue(ValueMapImport.Mode.REPLACE);
        long maxBytes = tableLimits.valueMapFile().toBytes();
        upload = new Upload(new BoundedImport(maxBytes,
                (metadata, bytes) -> importFile(metadata.fileName(), bytes)));
        ComponentTexts.localize(upload);
        upload.setId("map-import");
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setMaxFiles(1);
        upload.setUploadButton(new Button(getTranslation("valuemaps.import.button"), VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span(getTranslation("valuemaps.import.drop")));
        upload.addFileRejectedListener(e -> Notices.error(getTranslation("valuemaps.import.rejected",
                e.getErrorMessage())));
        VerticalLayout section = new VerticalLayout(new Span(getTranslation("valuemaps.import.title")), hint, mode,
                upload);
        section.setPadding(false);
        section.setId("import-section");
        return section;
    }

    private Anchor exportLink() {
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = tables.exportCsv(table);
            return new DownloadResponse(new ByteArrayInputStream(csv), table + ".csv", "text/csv;charset=UTF-8",
                    csv.length);
        }), AttachmentType.DOWNLOAD, getTranslation("valuemaps.editor.export"));
        export.setId("map-export");
        return export;
    }

    private void importFile(String fileName, byte[] bytes) {
        // one file at a time: the list is emptied so that the next file can be chosen
        upload.clearFileList();
        try {
            ValueMapImport done = tables.importCsv(table, bytes, mode.getValue() == null ? ValueMapImport.Mode.REPLACE
                    : mode.getValue());
            Notices.success(getTranslation("valuemaps.import.done", fileName, done.read(), done.added(),
                    done.changed(), done.removed(), done.encoding()));
            refresh();
        } catch (ValueMapFileRefused refused) {
            showRefusedLines(fileName, refused);
        } catch (Problem problem) {
            Notices.error(getTranslation("valuemaps.import.refused", fileName, problem.message(getLocale())));
        }
    }

    private void showRefusedLines(String fileName, ValueMapFileRefused refused) {
        Dialog dialog = new Dialog(getTranslation("valuemaps.import.refusedTitle", fileName));
        dialog.setId("import-refused");
        Paragraph text = new Paragraph(getTranslation("valuemaps.import.refusedText", refused.lines().size()));
        Locale locale = getLocale();
        Grid<ValueMapFileRefused.Line> lines = new Grid<>();
        lines.setId("refused-lines");
        lines.addColumn(ValueMapFileRefused.Line::line).setHeader(getTranslation("valuemaps.import.line"))
                .setAutoWidth(true).setFlexGrow(0);
        lines.addColumn(line -> line.message(locale)).setHeader(getTranslation("valuemaps.import.reason"))
                .setFlexGrow(1);
        lines.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        lines.setItems(refused.lines());
        lines.setWidth("40em");
        lines.setHeight("18em");
        dialog.add(text, lines);
        Button close = new Button(getTranslation("common.close"), e -> dialog.close());
        close.setId("import-refused-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void editEntry(Entry entry) {
        Dialog dialog = new Dialog(getTranslation(entry == null ? "valuemaps.entry.addTitle"
                : "valuemaps.entry.editTitle"));
        dialog.setId("entry-dialog");
        TextField key = new TextField(getTranslation("valuemaps.column.key"));
        key.setId("entry-key");
        key.setMaxLength(limits.valueMapKeyLength());
        key.setWidth("24em");
        TextField value = new TextField(getTranslation("valuemaps.column.value"));
        value.setId("entry-value");
        value.setMaxLength(limits.valueMapValueLength());
        value.setWidth("24em");
        if (entry != null) {
            key.setValue(entry.key());
            value.setValue(entry.value());
        }
        VerticalLayout fields = new VerticalLayout(key, value);
        fields.setPadding(false);
        dialog.add(fields);
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                tables.putEntry(table, entry == null ? null : entry.key(), key.getValue(), value.getValue());
                dialog.close();
                Notices.success(getTranslation("common.saved"));
                refresh();
            } catch (Problem problem) {
                key.setInvalid(true);
                key.setErrorMessage(problem.message(getLocale()));
            }
        });
        save.setId("entry-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void removeEntry(Entry entry) {
        try {
            tables.edit(table, Map.of(), List.of(entry.key()));
            Notices.success(getTranslation("valuemaps.entry.removed", entry.key()));
        } catch (Problem problem) {
            Notices.error(getTranslation("common.refused", problem.message(getLocale())));
        }
        refresh();
    }

    private void saveDescription() {
        try {
            tables.update(table, table, description.getValue(), false);
            Notices.success(getTranslation("common.saved"));
        } catch (Problem problem) {
            description.setInvalid(true);
            description.setErrorMessage(problem.message(getLocale()));
        }
    }

    private void offerRename() {
        Dialog dialog = new Dialog(getTranslation("valuemaps.rename.title", table));
        dialog.setId("rename-dialog");
        TextField name = new TextField(getTranslation("valuemaps.field.name"));
        name.setId("rename-name");
        name.setMaxLength(limits.nameLength());
        name.setValue(table);
        name.setWidth("24em");
        dialog.add(name);
        Button confirm = new Button(getTranslation("valuemaps.rename.confirm"), e -> rename(dialog, name, false));
        confirm.setId("rename-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void rename(Dialog dialog, TextField name, boolean force) {
        String newName = name.getValue().strip();
        try {
            ValueMapTable renamed = tables.update(table, newName, description.getValue(), force);
            dialog.close();
            Notices.success(getTranslation("common.saved"));
            UI.getCurrent().navigate(ValueMapEditorView.class, new RouteParameters(TABLE, renamed.name()));
        } catch (Problem problem) {
            if (problem.kind() == Problem.Kind.CONFLICT && "problem.valuemap.renameInUse".equals(problem.code())) {
                ConfirmDialog anyway = new ConfirmDialog();
                anyway.setId("rename-anyway");
                anyway.setHeader(getTranslation("valuemaps.rename.title", table));
                anyway.setText(problem.message(getLocale()));
                anyway.setCancelable(true);
                anyway.setCancelText(getTranslation("common.cancel"));
                anyway.setConfirmText(getTranslation("valuemaps.rename.anyway"));
                anyway.setConfirmButtonTheme("error primary");
                anyway.addConfirmListener(e -> rename(dialog, name, true));
                anyway.open();
            } else {
                name.setInvalid(true);
                name.setErrorMessage(problem.message(getLocale()));
            }
        }
    }

    private void showUsedBy(List<ValueMapUse> users) {
        usedBy.removeAll();
        usedBy.add(UsedBy.of(users, user.mayEdit(), this::getTranslation));
    }

    private void refresh() {
        try {
            entries = tables.get(table).entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList();
            showUsedBy(tables.usersOf(table));
        } catch (Problem problem) {
            entries = List.of();
            Notices.error(problem.message(getLocale()));
        }
        showEntries();
    }

    private void showEntries() {
        String filter = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
        List<Entry> shown = filter.isEmpty() ? entries : entries.stream()
                .filter(e -> e.key().toLowerCase(Locale.ROOT).contains(filter)
                        || e.value().toLowerCase(Locale.ROOT).contains(filter))
                .toList();
        grid.setItems(shown);
        count.setText(filter.isEmpty() ? getTranslation("valuemaps.editor.count", entries.size())
                : getTranslation("valuemaps.editor.countFiltered", shown.size(), entries.size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("valuemaps.editor.pageTitle", table == null ? "" : table);
    }
}
