package io.yunqiao.web.valuemaps;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import io.yunqiao.problem.Problem;
import io.yunqiao.valuemap.ValueMapTables;
import io.yunqiao.valuemap.ValueMapUse;
import io.yunqiao.web.shell.DeleteConfirmation;
import io.yunqiao.web.shell.Notices;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Deleting a table, asked first: a table that solutions read is deleted only after a warning naming them (their
 * records fail until a table of that name exists again).
 */
final class TableDeletion {

    private TableDeletion() {
    }

    static void confirm(ValueMapTables tables, String table, Runnable deleted) {
        List<ValueMapUse> users = tables.usersOf(table);
        boolean inUse = !users.isEmpty();
        ConfirmDialog[] dialog = new ConfirmDialog[1];
        dialog[0] = DeleteConfirmation.of("", () -> {
            try {
                tables.delete(table, inUse);
                Notices.success(dialog[0].getTranslation("valuemaps.deleted", table));
                deleted.run();
            } catch (Problem problem) {
                Notices.error(dialog[0].getTranslation("common.refused", problem.message(UI.getCurrent().getLocale())));
            }
        });
        ConfirmDialog confirm = dialog[0];
        confirm.setId("delete-map-dialog");
        confirm.setHeader(confirm.getTranslation("valuemaps.delete.title", table));
        if (inUse) {
            String names = users.stream().map(u -> "“" + u.solution() + "”").distinct()
                    .collect(Collectors.joining(confirm.getTranslation("valuemaps.listSeparator")));
            confirm.setText(confirm.getTranslation("valuemaps.delete.inUse", names));
            confirm.setConfirmText(confirm.getTranslation("valuemaps.delete.anyway"));
        } else {
            confirm.setText(confirm.getTranslation("valuemaps.delete.text"));
        }
        confirm.open();
    }
}
