package io.yunqiao.solution;

import io.yunqiao.connector.ConnectorProvider;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.template.SolutionTemplate;
import io.yunqiao.template.Templates;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.mapping.MappingEngines;
import java.util.List;

/**
 * The solution templates a connector provider ships, read and validated as the platform does at start-up, without
 * Spring: for the connector conformance suite ({@code io.yunqiao.connector.conformance}) in platform-core's test jar.
 */
public final class ShippedTemplates {

    private ShippedTemplates() {
    }

    /** The templates {@code provider} names, read from its class loader; a missing or unreadable one throws. */
    public static List<SolutionTemplate> of(ConnectorProvider provider) {
        return provider.templates().stream()
                .map(resource -> Templates.read(provider.getClass().getClassLoader(), resource))
                .toList();
    }

    /**
     * Validates a template as its one-click copy (一键复制) would be saved: disabled, no connections chosen yet,
     * against {@code registry}.
     *
     * @throws io.yunqiao.problem.Problem what is wrong, as the REST API would answer it
     */
    public static void validate(SolutionTemplate template, ConnectorRegistry registry) {
        SolutionSpec spec = template.solution().withConnections(null, null);
        spec = spec.withSchedule(new SolutionSpec.Schedule(spec.schedule().cron(), false));
        // no connection is named, so the validator never asks the (Spring) connection service
        new SolutionValidator(registry, null, InputLimits.DEFAULTS.capped(MappingEngines.defaultEngine()),
                InputLimits.DEFAULTS).validate(spec);
    }
}
