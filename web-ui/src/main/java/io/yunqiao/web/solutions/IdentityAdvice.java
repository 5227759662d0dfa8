package io.yunqiao.web.solutions;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.solution.SolutionSpec.Existing.Policy;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Under the target (目标): when the chosen write operation declares the field by which the target recognises a record
 * (its {@code identity}, e.g. the customer code of a customer add), a solution without a target-key dedupe, or one
 * that fails on "already exists", fails on every repeated record. This says so in the connector's own words and
 * offers to adopt the advice in one click: dedupe by the identity field, and skip (or, when the connector declares an
 * update operation, update) what already exists. It disappears once both are set.
 *
 * <p>A new solution whose dedupe and policy are still the defaults gets the advice filled in when such an operation
 * is chosen ({@link #prefill}), with a note saying what was filled; what the user set is never overwritten, and what
 * was filled is taken back when another operation is chosen before the user changed it.
 */
class IdentityAdvice extends Div {

    private static final long serialVersionUID = 1L;

    /** What adopting the advice sets: the target-key dedupe expression and the policy (with its update operation). */
    record Advice(String targetKey, Policy policy, String updateOperation) {
    }

    private final ConnectorRegistry registry;
    private final Consumer<Advice> adopt;
    private final Paragraph hint = new Paragraph();
    private final Paragraph filled = new Paragraph();
    private final Button adoptSkip;
    private final Button adoptUpdate;
    private final HorizontalLayout actions;
    private OperationDefinition operation;
    private String connectorId;
    /** What {@link #prefill} set, while it may still be taken back. */
    private Advice prefilled;

    IdentityAdvice(ConnectorRegistry registry, Consumer<Advice> adopt) {
        this.registry = registry;
        this.adopt = adopt;
        setId("target-identity-advice");
        addClassName("yq-identity-advice");
        setWidthFull();
        hint.setId("target-identity-hint");
        hint.addClassName("yq-identity-hint");
        filled.setId("target-identity-filled");
        filled.addClassName("yq-muted");
        adoptSkip = new Button(getTranslation("solutions.identity.adopt"), VaadinIcon.MAGIC.create(),
                e -> adopt(Policy.SKIP));
        adoptSkip.setId("target-identity-adopt");
        adoptSkip.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        adoptUpdate = new Button(getTranslation("solutions.identity.adoptUpdate"), e -> adopt(Policy.UPDATE));
        adoptUpdate.setId("target-identity-adopt-update");
        adoptUpdate.addThemeVariants(ButtonVariant.LUMO_SMALL);
        actions = new HorizontalLayout(adoptSkip, adoptUpdate);
        actions.setSpacing(true);
        add(hint, actions, filled);
        hideAll();
    }

    private void hideAll() {
        hint.setVisible(false);
        actions.setVisible(false);
        filled.setVisible(false);
    }

    private void adopt(Policy policy) {
        FieldDefinition field = identityField().orElse(null);
        if (field == null) {
            return;
        }
        prefilled = null;
        adopt.accept(new Advice(field.name(), policy, policy == Policy.UPDATE ? operation.update() : null));
    }

    private Optional<FieldDefinition> identityField() {
        return operation == null ? Optional.empty() : operation.identityField();
    }

    /**
     * Shows or hides the hint for the target operation and what the solution sets now.
     *
     * @param targetConnector the target's connector id, or {@code null}
     * @param target          the target's operation, or {@code null}
     * @param targetKey       the target-key dedupe expression, blank when none
     * @param policy          the already-exists policy
     */
    void show(String targetConnector, OperationDefinition target, String targetKey, Policy policy) {
        connectorId = targetConnector;
        operation = target;
        Optional<FieldDefinition> field = identityField();
        boolean noKey = targetKey == null || targetKey.isBlank();
        boolean advise = field.isPresent() && (noKey || policy == Policy.FAIL);
        hint.setVisible(advise);
        actions.setVisible(advise);
        if (prefilled != null && (!prefilled.targetKey().equals(targetKey) || prefilled.policy() != policy)) {
            prefilled = null; // the user changed what was filled: it is theirs now
        }
        filled.setVisible(prefilled != null && field.isPresent());
        if (field.isEmpty()) {
            return;
        }
        String label = field.get().label() == null ? field.get().name() : field.get().label().in(getLocale());
        String name = field.get().name();
        if (advise) {
            StringBuilder text = new StringBuilder(getTranslation("solutions.identity.hint", connectorName(),
                    operationTitle(operation), label, name));
            if (operation.update() != null) {
                text.append(getTranslation("solutions.identity.orUpdate", operationTitle(operation.update())));
            }
            if (noKey) {
                text.append(getTranslation("solutions.identity.noKey"));
            }
            if (policy == Policy.FAIL) {
                text.append(getTranslation("solutions.identity.failing"));
            }
            hint.setText(text.toString());
            adoptUpdate.setVisible(operation.update() != null);
        }
        if (filled.isVisible()) {
            filled.setText(getTranslation("solutions.identity.filled", connectorName(), operationTitle(operation),
                    name));
        }
    }

    /**
     * A new solution's target operation was chosen: when it declares an identity and the dedupe and policy are still
     * the defaults (or still what this filled in for the previous operation), returns the advice to set (dedupe by
     * the identity, skip); when the new operation declares none, returns the defaults back in place of what was
     * filled. Empty when nothing is to change.
     */
    Optional<Advice> prefill(OperationDefinition target, String targetKey, Policy policy) {
        boolean defaults = (targetKey == null || targetKey.isBlank()) && policy == Policy.FAIL;
        boolean ours = prefilled != null && prefilled.targetKey().equals(targetKey) && prefilled.policy() == policy;
        if (!defaults && !ours) {
            prefilled = null;
            return Optional.empty();
        }
        Optional<FieldDefinition> field = target == null ? Optional.empty() : target.identityField();
        if (field.isEmpty()) {
            prefilled = null;
            return ours ? Optional.of(new Advice(null, Policy.FAIL, null)) : Optional.empty();
        }
        prefilled = new Advice(field.get().name(), Policy.SKIP, null);
        return Optional.of(prefilled);
    }

    /** The note said as a notice too, right when the advice was filled in. */
    String filledNotice() {
        return getTranslation("solutions.identity.filled", connectorName(), operationTitle(operation),
                identityField().map(FieldDefinition::name).orElse(""));
    }

    private String connectorName() {
        return registry.find(connectorId == null ? "" : connectorId).map(d -> d.name().in(getLocale()))
                .orElse(connectorId == null ? "" : connectorId);
    }

    private String operationTitle(OperationDefinition op) {
        return op.title() == null ? op.id() : op.title().in(getLocale());
    }

    private String operationTitle(String operationId) {
        return registry.find(connectorId == null ? "" : connectorId).flatMap(d -> d.operation(operationId))
                .map(this::operationTitle).orElse(operationId);
    }
}
