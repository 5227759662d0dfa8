package io.yunqiao.web.solutions;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.yunqiao.problem.Problem;
import io.yunqiao.retention.RetentionSettings;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionValidator;
import java.util.Optional;

/**
 * How long the solution keeps its record logs and the content of written records (保留期限), under the log level on
 * the schedule tab: each field empty follows the platform's setting, shown as the placeholder. A number out of range
 * is marked as it is typed, with the words a save would use. What is kept whatever these say (failures, records not
 * yet written, written keys) is said beside them.
 */
class RetentionSection extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final IntegerField logDays = new IntegerField();
    private final IntegerField contentDays = new IntegerField();

    RetentionSection(RetentionSettings platform, Runnable onChange) {
        setPadding(false);
        setSpacing(false);
        logDays.setId("retention-log-days");
        logDays.setLabel(getTranslation("solutions.retention.logDays"));
        logDays.setHelperText(getTranslation("solutions.retention.logDaysHelp"));
        logDays.setPlaceholder(getTranslation("solutions.retention.platformDefault",
                String.valueOf(platform.recordLogDays())));
        contentDays.setId("retention-content-days");
        contentDays.setLabel(getTranslation("solutions.retention.contentDays"));
        contentDays.setHelperText(getTranslation("solutions.retention.contentDaysHelp"));
        contentDays.setPlaceholder(getTranslation("solutions.retention.platformDefault",
                String.valueOf(platform.contentDays())));
        for (IntegerField field : new IntegerField[] {logDays, contentDays}) {
            field.setClearButtonVisible(true);
            // checked as one types, like the cron field
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setValueChangeTimeout(300);
            // no min and max on the field: the range is checked below, with the words a save would use (the
            // field's own check would mark it without saying the range)
            field.setManualValidation(true);
            field.setSuffixComponent(new Span(getTranslation("solutions.retention.days")));
            field.addValueChangeListener(e -> {
                check();
                if (e.isFromClient()) {
                    onChange.run();
                }
            });
        }
        FormLayout fields = new FormLayout(logDays, contentDays);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        Paragraph kept = new Paragraph(getTranslation("solutions.retention.kept"));
        kept.addClassName("yq-muted");
        add(new H4(getTranslation("solutions.retention.title")), fields, kept);
    }

    void load(SolutionSpec spec) {
        SolutionSpec.Retention own = spec.retention();
        logDays.setValue(own == null ? null : own.recordLogDays());
        contentDays.setValue(own == null ? null : own.contentDays());
        check();
    }

    /** The solution's own days, or {@code null} when both follow the platform. */
    SolutionSpec.Retention retention() {
        SolutionSpec.Retention own = new SolutionSpec.Retention(logDays.getValue(), contentDays.getValue());
        return own.isDefault() ? null : own;
    }

    /** Marks a field whose days a save would refuse; a number the field cannot read is marked by the field itself. */
    private void check() {
        logDays.setInvalid(false);
        contentDays.setInvalid(false);
        try {
            SolutionValidator.checkRetention(retention());
        } catch (Problem e) {
            fieldFor(e.field()).ifPresent(field -> {
                IntegerField days = (IntegerField) field;
                days.setErrorMessage(e.message(getLocale()));
                days.setInvalid(true);
            });
        }
    }

    /** The field a refused save points at ({@code retention.*}), if it is one of these. */
    Optional<Component> fieldFor(String problemField) {
        return Optional.ofNullable(switch (problemField == null ? "" : problemField) {
            case "retention", "retention.recordLogDays" -> logDays;
            case "retention.contentDays" -> contentDays;
            default -> null;
        });
    }
}
