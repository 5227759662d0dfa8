package io.yunqiao.web.solutions;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.OperationRole;
import io.yunqiao.solution.SolutionSpec;
import java.util.List;
import java.util.Optional;

/** Where records go: a connection and an EXECUTE operation; the mapping to its body is edited on its own tab. */
class TargetSection extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final OperationPicker picker;

    TargetSection(ConnectorRegistry registry, List<ConnectionView> connections, Runnable onChange,
            Runnable onOperation) {
        setPadding(false);
        picker = new OperationPicker(registry, connections, OperationRole.EXECUTE, "target", () -> {
            onOperation.run();
            onChange.run();
        });
        add(new H3(getTranslation("solutions.target.title")), new Paragraph(getTranslation("solutions.target.intro")),
                picker);
    }

    void load(SolutionSpec spec) {
        SolutionSpec.Target target = spec.target();
        picker.load(target == null ? null : target.connection(), target == null ? null : target.connector(),
                target == null ? null : target.operation());
    }

    SolutionSpec.Target target(String mapping) {
        return new SolutionSpec.Target(picker.connectionId(), picker.connectorId(), picker.operationId(), mapping);
    }

    OperationDefinition operation() {
        return picker.operation();
    }

    String connectorId() {
        return picker.connectorId();
    }

    Optional<Component> fieldFor(String problemField) {
        return Optional.ofNullable(switch (problemField) {
            case "target", "target.connection", "target.connector" -> picker.connectionField();
            case "target.operation" -> picker.operationField();
            default -> null;
        });
    }
}
