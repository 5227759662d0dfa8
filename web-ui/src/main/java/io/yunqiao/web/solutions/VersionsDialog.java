package io.yunqiao.web.solutions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridMultiSelectionModel;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.yunqiao.diff.LineDiff;
import io.yunqiao.problem.Problem;
import io.yunqiao.solution.SolutionVersion;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.web.shell.Notices;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A solution's versions (version, comment, time): pick one to compare with the current version or two to compare
 * with each other (a line diff, added lines green, removed red), and restore one — which saves it as a new version,
 * so nothing is ever lost.
 */
class VersionsDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A JSON line whose string value spans several lines once unescaped: {@code   "mapping" : "{\n ...}",}. */
    private static final Pattern MULTILINE_VALUE = Pattern.compile("^(\\s*)(\"[^\"]+\" : )(\".*\\\\n.*\")(,?)$");

    private final Solutions solutions;
    private final SolutionWrites writes;
    private final long solutionId;
    private final BooleanSupplier unsavedChanges;
    private final Consumer<SolutionView> restored;
    private final Grid<SolutionVersion> grid = new Grid<>();
    private final Span diffTitle = new Span();
    private final Div diff = new Div();
    private int current;

    VersionsDialog(Solutions solutions, SolutionWrites writes, long solutionId, BooleanSupplier unsavedChanges,
            Consumer<SolutionView> restored) {
        this.solutions = solutions;
        this.writes = writes;
        this.solutionId = solutionId;
        this.unsavedChanges = unsavedChanges;
        this.restored = restored;
        setId("versions-dialog");
        setHeaderTitle(getTranslation("solutions.versions.title"));
        setWidth("min(72rem, 96vw)");
        setResizable(true);
        setDraggable(true);
        grid.setId("versions-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        ((GridMultiSelectionModel<SolutionVersion>) grid.setSelectionMode(Grid.SelectionMode.MULTI))
                .setSelectAllCheckboxVisibility(GridMultiSelectionModel.SelectAllCheckboxVisibility.HIDDEN);
        grid.addColumn(v -> "v" + v.getVersion() + (v.getVersion() == current
                ? " " + getTranslation("solutions.versions.current") : "")).setKey("version")
                .setHeader(getTranslation("solutions.versions.version")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> v.getComment() == null ? "" : v.comment(getLocale())).setKey("comment")
                .setHeader(getTranslation("solutions.versions.comment")).setFlexGrow(3);
        grid.addColumn(v -> Times.format(v.getCreatedAt())).setKey("time")
                .setHeader(getTranslation("solutions.versions.time")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::restoreButton).setKey("restore").setAutoWidth(true).setFlexGrow(0);
        grid.setHeight("16rem");
        grid.addSelectionListener(e -> showDiff());
        diffTitle.setId("versions-diff-title");
        diffTitle.addClassName("yq-muted");
        diff.setId("versions-diff");
        diff.addClassName("yq-diff");
        add(grid, diffTitle, diff);
        Button close = new Button(getTranslation("common.close"), e -> close());
        close.setId("versions-close");
        getFooter().add(close);
        refresh();
    }

    private Button restoreButton(SolutionVersion version) {
        Button restore = new Button(getTranslation("solutions.versions.restore"), e -> confirmRestore(version));
        restore.setId("restore-" + version.getVersion());
        restore.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        restore.setVisible(version.getVersion() != current);
        return restore;
    }

    private void confirmRestore(SolutionVersion version) {
        if (!unsavedChanges.getAsBoolean()) {
            restore(version);
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("restore-confirm");
        confirm.setHeader(getTranslation("solutions.versions.restoreConfirm", version.getVersion()));
        confirm.setText(getTranslation("solutions.versions.restoreUnsaved"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmText(getTranslation("solutions.versions.restore"));
        confirm.addConfirmListener(e -> restore(version));
        confirm.open();
    }

    private void restore(SolutionVersion version) {
        try {
            SolutionView view = writes.restore(solutionId, version.getVersion());
            Notices.success(getTranslation("solutions.versions.restored", version.getVersion(), view.version()));
            restored.accept(view);
            refresh();
        } catch (Problem e) {
            Notices.error(getTranslation("common.refused", e.message(getLocale())));
        }
    }

    private void refresh() {
        List<SolutionVersion> versions = solutions.versions(solutionId);
        current = versions.isEmpty() ? 0 : versions.get(0).getVersion();
        grid.setItems(versions);
        grid.deselectAll();
        showDiff();
    }

    private void showDiff() {
        diff.removeAll();
        List<SolutionVersion> chosen = new ArrayList<>(grid.getSelectedItems());
        chosen.sort(Comparator.comparingInt(SolutionVersion::getVersion));
        SolutionVersion older;
        SolutionVersion newer;
        if (chosen.size() == 1) {
            older = chosen.get(0);
            newer = solutions.versions(solutionId).get(0);
        } else if (chosen.size() == 2) {
            older = chosen.get(0);
            newer = chosen.get(1);
        } else {
            diffTitle.setText(getTranslation(chosen.isEmpty() ? "solutions.versions.pick" : "solutions.versions.pickTwo"));
            return;
        }
        List<LineDiff.Line> lines = LineDiff.between(readable(older.getSpec()), readable(newer.getSpec()));
        long changed = lines.stream().filter(l -> l.kind() != LineDiff.Kind.SAME).count();
        diffTitle.setText(getTranslation(changed == 0 ? "solutions.versions.same" : "solutions.versions.comparing",
                older.getVersion(), newer.getVersion()));
        for (LineDiff.Line line : LineDiff.around(lines, 3)) {
            diff.add(render(line, getTranslation("solutions.versions.gap", line.hidden())));
        }
    }

    /**
     * One line of a diff as the versions dialog shows it (numbers, sign, text; a gap as {@code gapText}), for every
     * dialog that compares two texts line by line.
     */
    static Div render(LineDiff.Line line, String gapText) {
        Div row = new Div();
        row.addClassNames("yq-diff-line", "yq-diff-" + line.kind().name().toLowerCase(Locale.ROOT));
        row.getElement().setAttribute("data-kind", line.kind().name());
        if (line.kind() == LineDiff.Kind.GAP) {
            row.setText(gapText);
            return row;
        }
        Span oldNumber = new Span(line.oldNumber() == 0 ? "" : String.valueOf(line.oldNumber()));
        Span newNumber = new Span(line.newNumber() == 0 ? "" : String.valueOf(line.newNumber()));
        oldNumber.addClassName("yq-diff-number");
        newNumber.addClassName("yq-diff-number");
        Span sign = new Span(switch (line.kind()) {
            case ADDED -> "+";
            case REMOVED -> "−";
            default -> " ";
        });
        sign.addClassName("yq-diff-sign");
        Span text = new Span(line.text());
        text.addClassName("yq-diff-text");
        row.add(oldNumber, newNumber, sign, text);
        return row;
    }

    /**
     * The stored spec JSON with multi-line strings (the mapping) unfolded into indented lines after a {@code |}, so
     * a change to one line of a mapping shows as that line.
     */
    static String readable(String specJson) {
        List<String> out = new ArrayList<>();
        for (String line : specJson.lines().toList()) {
            Matcher matcher = MULTILINE_VALUE.matcher(line);
            String text = null;
            if (matcher.matches()) {
                try {
                    text = JSON.readValue(matcher.group(3), String.class);
                } catch (JsonProcessingException e) {
                    text = null;
                }
            }
            if (text == null) {
                out.add(line);
                continue;
            }
            out.add(matcher.group(1) + matcher.group(2) + "|");
            for (String part : text.split("\n", -1)) {
                out.add(matcher.group(1) + "    " + part);
            }
        }
        return String.join("\n", out);
    }
}
