package io.yunqiao.web.solutions;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import java.util.Optional;

/** Name and description, and when the solution was created and last saved. */
class BasicsSection extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final Span facts = new Span();

    BasicsSection(Runnable onChange, InputLimits limits) {
        setPadding(false);
        name.setId("solution-name");
        name.setLabel(getTranslation("solutions.basics.name"));
        name.setRequiredIndicatorVisible(true);
        name.setHelperText(getTranslation("solutions.basics.nameHelp"));
        name.setMaxLength(limits.nameLength());
        description.setMaxLength(limits.descriptionLength());
        description.setId("solution-description");
        description.setLabel(getTranslation("solutions.basics.description"));
        description.setMinHeight("6em");
        name.addValueChangeListener(e -> {
            name.setInvalid(false);
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        description.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        facts.setId("solution-facts");
        facts.addClassName("yq-muted");
        FormLayout form = new FormLayout(name, description);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("48em");
        add(new H3(getTranslation("solutions.basics.title")), form, facts);
    }

    void load(SolutionSpec spec, SolutionView saved) {
        name.setValue(spec.name() == null ? "" : spec.name());
        description.setValue(spec.description() == null ? "" : spec.description());
        facts.setText(saved == null ? getTranslation("solutions.basics.notSaved")
                : getTranslation("solutions.basics.facts", String.valueOf(saved.id()), String.valueOf(saved.version()), Times.format(saved.createdAt()),
                        Times.format(saved.updatedAt())));
    }

    String name() {
        return name.getValue().trim();
    }

    String description() {
        return description.getValue().isBlank() ? null : description.getValue();
    }

    Optional<Component> fieldFor(String problemField) {
        return "name".equals(problemField) ? Optional.of(name) : Optional.empty();
    }
}
