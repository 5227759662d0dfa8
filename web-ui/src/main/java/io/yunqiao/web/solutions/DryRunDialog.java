package io.yunqiao.web.solutions;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.DryRunSource;
import java.util.function.Consumer;

/**
 * The dry run's choice of records (试运行): the incremental window (增量窗口, as a run would fetch), the solution's
 * last N staged records (最近 N 条已暂存), or a pasted sample (粘贴样例). A choice that cannot be used (N out of
 * range, text that is not JSON records, too large) is refused in the dialog, which stays open with what was typed.
 */
class DryRunDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private final RadioButtonGroup<DryRunSource.Kind> kind = new RadioButtonGroup<>();
    private final IntegerField last = new IntegerField();
    private final TextArea sample = new TextArea();
    private final Span problem = new Span();

    DryRunDialog(Consumer<DryRunSource> start) {
        setId("dry-run-dialog");
        setHeaderTitle(getTranslation("solutions.dry.title"));
        setWidth("min(40rem, 96vw)");
        kind.setId("dry-run-kind");
        kind.setItems(DryRunSource.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("solutions.dry.kind." + k.name()));
        kind.setValue(DryRunSource.Kind.WINDOW);
        last.setId("dry-run-last");
        last.setLabel(getTranslation("solutions.dry.last"));
        last.setMin(1);
        last.setMax(DryRunSource.MAX_LAST);
        last.setStepButtonsVisible(true);
        last.setValue(20);
        last.setHelperText(getTranslation("solutions.dry.lastHelp", DryRunSource.MAX_LAST));
        sample.setId("dry-run-sample");
        sample.setLabel(getTranslation("solutions.dry.sample"));
        sample.setHelperText(getTranslation("solutions.dry.sampleHelp", DryRunSource.MAX_LAST,
                DryRunSource.MAX_SAMPLE_BYTES / 1024));
        sample.setMaxLength(DryRunSource.MAX_SAMPLE_BYTES);
        sample.setWidthFull();
        sample.setHeight("12rem");
        problem.setId("dry-run-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        kind.addValueChangeListener(e -> show());
        show();
        add(kind, last, sample, problem);
        Button go = new Button(getTranslation("solutions.dry.start"), e -> {
            try {
                DryRunSource source = switch (kind.getValue()) {
                    case LAST_STAGED -> DryRunSource.lastStaged(last.getValue() == null ? 0 : last.getValue());
                    case SAMPLE -> DryRunSource.sample(sample.getValue());
                    default -> DryRunSource.WINDOW;
                };
                close();
                start.accept(source);
            } catch (Problem refused) {
                problem.setText(refused.message(getLocale()));
            }
        });
        go.setId("dry-run-start");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, go);
    }

    private void show() {
        last.setVisible(kind.getValue() == DryRunSource.Kind.LAST_STAGED);
        sample.setVisible(kind.getValue() == DryRunSource.Kind.SAMPLE);
        problem.setText("");
    }
}
