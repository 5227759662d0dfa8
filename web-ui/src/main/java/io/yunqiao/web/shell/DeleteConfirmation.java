package io.yunqiao.web.shell;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Asking before something is deleted: the same buttons, wording and red confirm button on every screen. */
public final class DeleteConfirmation {

    private DeleteConfirmation() {
    }

    /** A dialog asking {@code header}, running {@code delete} on confirmation; the caller opens it. */
    public static ConfirmDialog of(String header, Runnable delete) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(header);
        confirm.setCancelable(true);
        confirm.setCancelText(confirm.getTranslation("common.cancel"));
        confirm.setConfirmText(confirm.getTranslation("common.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> delete.run());
        return confirm;
    }
}
