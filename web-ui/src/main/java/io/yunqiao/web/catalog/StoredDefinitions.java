package io.yunqiao.web.catalog;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.yunqiao.web.shell.BoundedImport;
import io.yunqiao.connectorstore.SaveResult;
import io.yunqiao.connectorstore.StoredConnectorView;
import io.yunqiao.connectorstore.StoredConnectors;
import io.yunqiao.connectorstore.StoredVersionView;
import io.yunqiao.diff.LineDiff;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import io.yunqiao.web.shell.ComponentTexts;
import io.yunqiao.web.shell.Notices;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The connector definitions stored in the platform, for administrators: edit one in the designer, create one,
 * see its versions with a diff against the current one, export it as a file, import a file, delete one (refused,
 * naming what uses it, while a solution or connection does).
 */
class StoredDefinitions extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final transient StoredConnectors stored;
    private final String author;
    private final Grid<StoredConnectorView> grid = new Grid<>();
    private final Span none = new Span();

    StoredDefinitions(StoredConnectors stored, InputLimits limits, String author) {
        this.stored = stored;
        this.author = author;
        setId("stored-definitions");
        setPadding(false);
        Button create = new Button(getTranslation("designer.catalog.new"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("connectors/designer")));
        create.setId("connector-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Upload upload = new Upload(new BoundedImport(limits.importFile().toBytes(),
                (metadata, bytes) -> importText(new String(bytes, StandardCharsets.UTF_8))));
        ComponentTexts.localize(upload);
        upload.setId("connector-import");
        upload.setAcceptedFileTypes(".yaml", ".yml", ".json");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limits.importFile().toBytes()));
        upload.setMaxFiles(1);
        upload.setUploadButton(new Button(getTranslation("designer.catalog.import"), VaadinIcon.UPLOAD.create()));
        grid.setId("stored-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(StoredConnectorView::id).setHeader("id").setAutoWidth(true);
        grid.addColumn(v -> v.extendsId() == null ? "" : v.extendsId())
                .setHeader(getTranslation("designer.catalog.base")).setAutoWidth(true);
        grid.addColumn(v -> "v" + v.version()).setHeader(getTranslation("designer.catalog.versionCol"))
                .setAutoWidth(true);
        grid.addColumn(v -> TIME.format(v.updatedAt() == null ? v.createdAt() : v.updatedAt()))
                .setHeader(getTranslation("designer.catalog.updated")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setFlexGrow(1);
        none.addClassName("yq-muted");
        none.setText(getTranslation("designer.catalog.none"));
        add(new H3(getTranslation("designer.catalog.stored")), new HorizontalLayout(create, upload), none, grid);
        refresh();
    }

    private HorizontalLayout actions(StoredConnectorView view) {
        Button edit = small("designer.catalog.edit", VaadinIcon.EDIT, "connector-edit-" + view.id(),
                () -> getUI().ifPresent(ui -> ui.navigate("connectors/designer",
                        com.vaadin.flow.router.QueryParameters.of("id", view.id()))));
        Button history = small("designer.catalog.history", VaadinIcon.TIME_BACKWARD,
                "connector-history-" + view.id(), () -> history(view.id()));
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            StoredConnectorView current = stored.export(view.id());
            byte[] text = current.definition().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(text), view.id() + current.format().suffix(),
                    current.format().mediaType(), text.length);
        }), AttachmentType.DOWNLOAD, getTranslation("designer.catalog.export"));
        export.setId("connector-export-" + view.id());
        Button delete = small("designer.catalog.delete", VaadinIcon.TRASH, "connector-delete-" + view.id(),
                () -> confirmDelete(view.id()));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(edit, history, export, delete);
        actions.setAlignItems(Alignment.CENTER);
        return actions;
    }

    private Button small(String key, VaadinIcon icon, String id, Runnable action) {
        Button button = new Button(getTranslation(key), icon.create(), e -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void importText(String text) {
        try {
            SaveResult result = stored.importText(text, author, "imported", false);
            Notices.success(getTranslation("designer.catalog.imported", result.connector().id(),
                    result.connector().version()));
        } catch (Problem e) {
            Notices.error(e.message(getLocale()));
        }
        refresh();
    }

    private void confirmDelete(String id) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("designer.catalog.delete"),
                getTranslation("designer.catalog.deleteConfirm", id), getTranslation("designer.catalog.delete"),
                e -> {
                    try {
                        stored.delete(id, author);
                        Notices.success(getTranslation("designer.catalog.deleted", id));
                    } catch (Problem problem) {
                        Notices.error(problem.message(getLocale()));
                    }
                    refresh();
                });
        confirm.setId("connector-delete-dialog");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("designer.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** The versions, newest first; selecting one shows its line diff against the current version. */
    private void history(String id) {
        List<StoredVersionView> versions = stored.versions(id);
        int current = versions.isEmpty() ? 0 : versions.get(0).version();
        Dialog dialog = new Dialog(getTranslation("designer.history.title", id));
        dialog.setId("connector-history");
        dialog.setWidth("min(72rem, 96vw)");
        Grid<StoredVersionView> list = new Grid<>();
        list.addThemeVariants(GridVariant.LUMO_COMPACT);
        list.addColumn(v -> "v" + v.version()).setHeader(getTranslation("designer.catalog.versionCol"))
                .setAutoWidth(true).setFlexGrow(0);
        list.addColumn(v -> v.note() == null ? "" : v.note()).setHeader(getTranslation("designer.history.note"));
        list.addColumn(v -> v.savedBy() == null ? "" : v.savedBy())
                .setHeader(getTranslation("designer.history.by")).setAutoWidth(true);
        list.addColumn(v -> TIME.format(v.savedAt())).setAutoWidth(true);
        list.setItems(versions);
        list.setHeight("14rem");
        Span hint = new Span(getTranslation("designer.history.diff"));
        hint.addClassName("yq-muted");
        Div diff = new Div();
        diff.setId("connector-history-diff");
        diff.addClassName("yq-diff");
        list.addSelectionListener(e -> {
            diff.removeAll();
            e.getFirstSelectedItem().ifPresent(v -> {
                for (LineDiff.Line line : stored.diff(id, v.version(), current)) {
                    Div row = new Div();
                    row.addClassName("yq-diff-" + line.kind().name().toLowerCase(java.util.Locale.ROOT));
                    row.setText(prefix(line) + line.text());
                    diff.add(row);
                }
            });
        });
        dialog.add(list, hint, diff);
        dialog.getFooter().add(new Button(getTranslation("designer.cancel"), e -> dialog.close()));
        dialog.open();
    }

    private static String prefix(LineDiff.Line line) {
        return switch (line.kind()) {
            case ADDED -> "+ ";
            case REMOVED -> "- ";
            default -> "  ";
        };
    }

    private void refresh() {
        List<StoredConnectorView> views = stored.list();
        grid.setItems(views);
        grid.setVisible(!views.isEmpty());
        none.setVisible(views.isEmpty());
    }
}
