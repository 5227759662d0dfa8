package io.yunqiao.web.solutions;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.mapping.MappingContext;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.mapping.RecordFilter;
import io.yunqiao.problem.Problem;
import io.yunqiao.solution.FilterCheck;
import io.yunqiao.solution.SolutionSpec;
import java.util.Optional;

/**
 * The record filter (筛选条件), on the source tab after the split and the detail lookups: a JSONata condition on
 * each record as the mapping sees it; records it does not hold for are skipped (跳过), nothing is sent for them.
 * Empty = every record is written. A condition that does not parse is marked at the field as it is typed, with
 * the same words a save would use.
 */
class FilterSection extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final TextArea condition = new TextArea();
    private final MappingEngine engine;
    private final InputLimits limits;
    private final MappingContext context;

    FilterSection(MappingEngine engine, InputLimits limits, MappingContext context, Runnable onChange) {
        this.engine = engine;
        this.limits = limits;
        this.context = context;
        setPadding(false);
        setSpacing(false);
        condition.setId("filter-condition");
        condition.setLabel(getTranslation("solutions.filter.condition"));
        condition.setHelperText(getTranslation("solutions.filter.conditionHelp"));
        condition.setPlaceholder("$exists(customerid_number) and customerid_number != \"\"");
        condition.setClearButtonVisible(true);
        condition.setWidthFull();
        condition.setMaxLength(limits.mappingLength());
        condition.addValueChangeListener(e -> {
            check();
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        Paragraph explanation = new Paragraph(getTranslation("solutions.filter.explain"));
        explanation.addClassName("yq-muted");
        add(new H4(getTranslation("solutions.filter.title")), explanation, condition);
    }

    void load(SolutionSpec spec) {
        condition.setValue(spec.filter() == null ? "" : spec.filter());
        check();
    }

    /** The condition as typed, or {@code null} for none. */
    String filter() {
        String text = condition.getValue();
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * What the mapping preview says of a sample record: that the filter leaves it out (or fails on it), or
     * {@code null} when it would be written, when there is no filter, or when the filter does not parse (the field
     * says so).
     */
    String note(JsonNode record) {
        try {
            RecordFilter filter = FilterCheck.compile(engine, limits, filter());
            return record == null ? null : filter.previewNote(record, context, getLocale());
        } catch (Problem e) {
            return null;
        }
    }

    /** Marks the field when the condition would be refused by a save. */
    private void check() {
        try {
            FilterCheck.compile(engine, limits, filter());
            condition.setInvalid(false);
        } catch (Problem e) {
            condition.setErrorMessage(e.message(getLocale()));
            condition.setInvalid(true);
        }
    }

    /** The field a refused save points at ({@code filter}), if it is this one. */
    Optional<Component> fieldFor(String problemField) {
        return "filter".equals(problemField) ? Optional.of(condition) : Optional.empty();
    }
}
