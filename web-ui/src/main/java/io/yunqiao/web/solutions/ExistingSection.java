package io.yunqiao.web.solutions;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionSpec.Existing.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The already-exists policy (已存在时), on the target tab: what happens to a record the target answers "already
 * exists" for when this solution did not send it before — fail it, count it as already there (skipped), or update
 * it through another write operation of the target with its own mapping. The update's operation and mapping stay
 * on screen when another policy is chosen (nothing typed is lost), but only 更新 saves them.
 */
class ExistingSection extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final ConnectorRegistry registry;
    private final RadioButtonGroup<Policy> policy = new RadioButtonGroup<>();
    private final ComboBox<String> operation = new ComboBox<>();
    private final TextArea mapping = new TextArea();
    private final Div update;
    private String connectorId;

    ExistingSection(ConnectorRegistry registry, Supplier<String> writeMapping, Runnable onChange) {
        this.registry = registry;
        setPadding(false);
        setSpacing(false);
        policy.setId("existing-policy");
        policy.setLabel(getTranslation("solutions.existing.policy"));
        policy.setItems(Policy.values());
        policy.setItemLabelGenerator(p -> getTranslation("solutions.existing." + p.name()));
        policy.setRenderer(new ComponentRenderer<>(p -> {
            Span explanation = new Span(getTranslation("solutions.existing.explain." + p.name()));
            explanation.addClassName("yq-muted");
            Div item = new Div(new Span(getTranslation("solutions.existing." + p.name())), new Div(explanation));
            item.addClassName("yq-choice");
            return item;
        }));
        policy.addThemeName("vertical");
        policy.addValueChangeListener(e -> {
            policy.setInvalid(false);
            showState();
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        operation.setId("existing-operation");
        operation.setLabel(getTranslation("solutions.existing.operation"));
        operation.setHelperText(getTranslation("solutions.existing.operationHelp"));
        operation.setItemLabelGenerator(this::describe);
        operation.setRequiredIndicatorVisible(true);
        operation.addValueChangeListener(e -> {
            operation.setInvalid(false);
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        mapping.setId("existing-mapping");
        mapping.setLabel(getTranslation("solutions.existing.mapping"));
        mapping.setHelperText(getTranslation("solutions.existing.mappingHelp"));
        mapping.setRequiredIndicatorVisible(true);
        mapping.setWidthFull();
        mapping.setMinHeight("8em");
        mapping.addClassName("yq-code");
        mapping.addValueChangeListener(e -> {
            mapping.setInvalid(false);
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        Button copy = new Button(getTranslation("solutions.existing.copyMapping"), VaadinIcon.COPY_O.create(), e -> {
            mapping.setValue(Objects.requireNonNullElse(writeMapping.get(), ""));
            onChange.run();
        });
        copy.setId("existing-copy-mapping");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        copy.setTooltipText(getTranslation("solutions.existing.copyMappingHelp"));
        update = new Div(operation, mapping, copy);
        update.setWidthFull();
        add(new H4(getTranslation("solutions.existing.title")), policy, update);
        policy.setValue(Policy.FAIL);
        showState();
    }

    private void showState() {
        update.setVisible(policy.getValue() == Policy.UPDATE);
    }

    /**
     * The target changed: its connector's EXECUTE operations other than the write operation are offered; what was
     * chosen stays, even when the new connector lacks it (saving then says so).
     */
    void setTarget(String targetConnector, String writeOperation) {
        connectorId = targetConnector;
        String chosen = operation.getValue();
        List<String> offered = new ArrayList<>(targetConnector == null ? List.of() : registry.find(targetConnector)
                .map(d -> d.operations().stream().filter(o -> o.role() == OperationRole.EXECUTE)
                        .map(OperationDefinition::id).filter(id -> !id.equals(writeOperation)).toList())
                .orElse(List.of()));
        if (chosen != null && !offered.contains(chosen)) {
            offered.add(chosen);
        }
        operation.setItems(offered);
        operation.setValue(chosen);
        operation.setPlaceholder(offered.isEmpty() ? getTranslation("solutions.existing.noOperation") : null);
    }

    private String describe(String operationId) {
        return registry.find(connectorId == null ? "" : connectorId).flatMap(d -> d.operation(operationId))
                .map(o -> o.title().in(getLocale()) + " (" + operationId + ")").orElse(operationId);
    }

    void load(SolutionSpec spec) {
        SolutionSpec.Existing existing = spec.existing();
        policy.setValue(existing.policy());
        if (existing.operation() != null) {
            List<String> items = new ArrayList<>(operation.getListDataView().getItems().toList());
            if (!items.contains(existing.operation())) {
                items.add(existing.operation());
                operation.setItems(items);
            }
        }
        operation.setValue(existing.operation());
        mapping.setValue(existing.mapping() == null ? "" : existing.mapping());
        showState();
    }

    /**
     * Sets the policy as advised for the target (see {@link IdentityAdvice}): with 更新 also the update operation the
     * connector declares; a mapping already typed stays, a blank one is left for the user to write.
     */
    void adopt(Policy advised, String updateOperation) {
        if (advised == Policy.UPDATE && updateOperation != null) {
            List<String> items = new ArrayList<>(operation.getListDataView().getItems().toList());
            if (!items.contains(updateOperation)) {
                items.add(updateOperation);
                operation.setItems(items);
            }
            operation.setValue(updateOperation);
        }
        policy.setValue(advised);
        showState();
    }

    /** The policy as shown: the update's operation and mapping only with 更新, blanks kept for saving to judge. */
    SolutionSpec.Existing existing() {
        if (policy.getValue() != Policy.UPDATE) {
            return new SolutionSpec.Existing(policy.getValue(), null, null);
        }
        return new SolutionSpec.Existing(Policy.UPDATE, operation.getValue(),
                mapping.getValue().isBlank() ? null : mapping.getValue());
    }

    /** The field a refused save points at ({@code existing.operation}, {@code existing.mapping}), if here. */
    Optional<Component> fieldFor(String problemField) {
        if (problemField.startsWith("existing") && policy.getValue() != Policy.UPDATE) {
            return Optional.of(policy);
        }
        return Optional.ofNullable(switch (problemField) {
            case "existing", "existing.policy" -> policy;
            case "existing.operation" -> operation;
            case "existing.mapping" -> mapping;
            default -> null;
        });
    }
}
