package io.yunqiao.web.templates;

import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.solution.SolutionSpec;
import java.util.Locale;
import java.util.Optional;

/**
 * The readable names of a template's two ends, e.g. "金蝶云星辰 V1 · 采购入库单查询" and "吉客云 · 客户新增". A connector
 * or operation that is not installed shows its id, so a broken template is still recognisable.
 */
record Endpoints(ConnectorRegistry registry, Locale locale) {

    String source(SolutionSpec spec) {
        return name(spec.source().connector(), spec.source().operation());
    }

    String target(SolutionSpec spec) {
        return name(spec.target().connector(), spec.target().operation());
    }

    /** The connector's name in the UI's language, or its id when it is not installed. */
    String connector(String connectorId) {
        return registry.find(connectorId).map(d -> d.name().in(locale)).orElse(connectorId);
    }

    private String name(String connectorId, String operationId) {
        Optional<ConnectorDefinition> connector = registry.find(connectorId);
        String operation = connector.flatMap(d -> d.operation(operationId)).map(OperationDefinition::title)
                .map(t -> t.in(locale)).orElse(operationId);
        return connector(connectorId) + " · " + operation;
    }
}
