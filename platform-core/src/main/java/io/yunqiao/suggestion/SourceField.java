package io.yunqiao.suggestion;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.solution.SolutionSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A field of the source records that a suggestion may name.
 *
 * @param path     the dotted path in a source record, as a mapping names it ({@code supplierid_number},
 *                 {@code material_entity.qty})
 * @param label    what users read (may be {@code null}: the path is all there is)
 * @param type     the declared type ({@code string}, {@code number}, ..., {@code array}, {@code object})
 * @param repeated the field is inside an array (one value per line, not one per record)
 * @param samples  a few of its values in sample records, as text; empty when there are none
 */
public record SourceField(String path, LocalizedText label, String type, boolean repeated, List<String> samples) {

    /** At most this many sample values per field are kept, each cut to {@link #SAMPLE_LENGTH} characters. */
    public static final int SAMPLES = 20;
    /** The longest sample value kept, in characters. */
    public static final int SAMPLE_LENGTH = 200;

    public SourceField {
        type = type == null ? "string" : type;
        samples = samples == null ? List.of()
                : samples.stream().filter(s -> s != null).limit(SAMPLES)
                        .map(s -> s.length() > SAMPLE_LENGTH ? s.substring(0, SAMPLE_LENGTH) : s).toList();
    }

    /**
     * The fields of a QUERY operation, with the values the sample records hold at each path (arrays are walked: a
     * line field gets the values of the first lines). The records are read, never kept.
     */
    public static List<SourceField> of(OperationDefinition operation, List<JsonNode> sampleRecords) {
        return of(operation, "", null, false, sampleRecords);
    }

    /**
     * The fields a solution's mapping sees: its source operation's, where the lines of a split array are one line
     * per record (not repeated), then the fields of each detail lookup under its name (repeated when the lookup
     * keeps all its records). A detail whose connector or operation is not installed adds nothing: the solution's
     * validation names that problem.
     *
     * @param sampleRecords records as the mapping sees them (split, details merged), or source records
     */
    public static List<SourceField> of(SolutionSpec spec, ConnectorRegistry registry, List<JsonNode> sampleRecords) {
        OperationDefinition source = registry.operation(spec.source().connector(), spec.source().operation());
        String split = spec.split() == null ? null : spec.split().path();
        List<SourceField> fields = new ArrayList<>(of(source, "", split, false, sampleRecords));
        for (SolutionSpec.Detail detail : spec.details()) {
            // absent = the source's connector, as the engine and the validation read it (templates leave it out)
            String connectorId = detail.connector() == null || detail.connector().isBlank()
                    ? spec.source().connector() : detail.connector();
            Optional<OperationDefinition> operation = registry.find(connectorId)
                    .flatMap(connector -> detail.operation() == null ? Optional.empty()
                            : connector.operation(detail.operation()));
            if (operation.isPresent() && detail.name() != null && !detail.name().isBlank()) {
                fields.addAll(of(operation.get(), detail.name() + ".", null, detail.all(), sampleRecords));
            }
        }
        return fields;
    }

    private static List<SourceField> of(OperationDefinition operation, String prefix, String split,
            boolean allRepeated, List<JsonNode> sampleRecords) {
        Set<String> arrays = new HashSet<>();
        for (FieldDefinition field : operation.fields()) {
            if ("array".equals(field.type()) && !field.name().equals(split)) {
                arrays.add(field.name());
            }
        }
        List<SourceField> fields = new ArrayList<>();
        for (FieldDefinition field : operation.fields()) {
            boolean repeated = allRepeated;
            for (String parent = field.parent(); parent != null && !repeated;
                    parent = parent.contains(".") ? parent.substring(0, parent.lastIndexOf('.')) : null) {
                repeated = arrays.contains(parent);
            }
            String path = prefix + field.name();
            List<String> samples = new ArrayList<>();
            for (JsonNode record : sampleRecords == null ? List.<JsonNode>of() : sampleRecords) {
                collect(record, path.split("\\."), 0, samples);
                if (samples.size() >= SAMPLES) {
                    break;
                }
            }
            // a split array is one element per record: an object, not an array
            String type = field.name().equals(split) ? "object" : field.type();
            fields.add(new SourceField(path, field.label(), type, repeated, samples));
        }
        return fields;
    }

    private static void collect(JsonNode node, String[] path, int at, List<String> samples) {
        if (node == null || samples.size() >= SAMPLES) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size() && i < SAMPLES && samples.size() < SAMPLES; i++) {
                collect(node.get(i), path, at, samples);
            }
            return;
        }
        if (at == path.length) {
            if (node.isValueNode() && !node.isNull()) {
                samples.add(node.asText());
            }
            return;
        }
        collect(node.get(path[at]), path, at + 1, samples);
    }
}
