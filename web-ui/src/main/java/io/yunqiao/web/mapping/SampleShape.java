package io.yunqiao.web.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.mapping.MappingContext;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.mapping.MappingHints;
import io.yunqiao.mapping.MappingSyntaxException;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.SourceGroups;
import io.yunqiao.solution.SolutionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The solution's 明细拆分 and 合并 as the workbench's preview applies them, with the engine's own classes: the split
 * is {@link io.yunqiao.run.SourceLines} (applied by the workbench to what it fetched), the group record is
 * {@link SourceGroups#merged} of the samples on screen that share the shown record's key.
 */
final class SampleShape {

    /** Larger groups than the engine's platform limit are not previewed whole: it would cut them too. */
    private static final int PREVIEW_MAX_LINES = 10_000;

    /**
     * What the mapping is tried on.
     *
     * @param record       the record to map: the sample, or the group record made from it
     * @param key          the group key of the sample, when grouping and it has one
     * @param grouped      how many records the group record holds; 0 when not grouping
     * @param noKey        grouping, but the sample has no group key (a run refuses such a record)
     * @param groupProblem why the group key expression cannot be used, in the screen's language; else {@code null}
     */
    record Input(JsonNode record, String key, int grouped, boolean noKey, String groupProblem) {
    }

    private final MappingEngine engine;
    private final MappingContext context;
    private SolutionSpec.Split split;
    private SolutionSpec.Group group;
    private SourceGroups groups;
    private RuntimeException groupError;

    SampleShape(MappingEngine engine, MappingContext context) {
        this.engine = engine;
        this.context = context;
    }

    /** Sets the split and the group ({@code null} or blank = off); whether anything changed. */
    boolean set(SolutionSpec.Split newSplit, SolutionSpec.Group newGroup) {
        SolutionSpec.Split splitOn = newSplit == null || newSplit.path() == null || newSplit.path().isBlank() ? null
                : newSplit;
        SolutionSpec.Group groupOn = newGroup == null || newGroup.by() == null || newGroup.by().isBlank()
                || newGroup.into() == null || newGroup.into().isBlank() ? null : newGroup;
        if (Objects.equals(splitOn, split) && Objects.equals(groupOn, group)) {
            return false;
        }
        split = splitOn;
        group = groupOn;
        groups = null;
        groupError = null;
        if (groupOn != null) {
            try {
                groups = SourceGroups.of(groupOn, engine, PREVIEW_MAX_LINES);
            } catch (MappingSyntaxException | Problem e) {
                groupError = e;
            }
        }
        return true;
    }

    SolutionSpec.Split split() {
        return split;
    }

    /** The group as set; {@code null} when off. */
    SolutionSpec.Group group() {
        return group;
    }

    /**
     * The record the mapping sees for {@code sample}: itself, or when grouping the group record of it and every
     * record of {@code others} (the fetched samples, in their order) that has the same key.
     */
    Input input(JsonNode sample, List<JsonNode> others, Locale locale) {
        if (group == null) {
            return new Input(sample, null, 0, false, null);
        }
        if (groups == null) {
            String problem = groupError instanceof MappingSyntaxException syntax
                    ? MappingHints.syntax(group.by(), syntax).cause(locale)
                    : ((Problem) groupError).message(locale);
            return new Input(sample, null, 0, false, problem);
        }
        String key = groups.keyOf(sample, context);
        if (key == null) {
            return new Input(groups.merged(List.of(sample)), null, 1, true, null);
        }
        List<JsonNode> members = new ArrayList<>();
        if (others.stream().noneMatch(other -> other == sample)) {
            members.add(sample);
        }
        for (JsonNode other : others) {
            if (members.size() < groups.maxLines() && (other == sample || key.equals(groups.keyOf(other, context)))) {
                members.add(other);
            }
        }
        return new Input(groups.merged(members), key, members.size(), false, null);
    }

    /**
     * The source's fields as the mapping sees them: when grouping, also the array {@code into} and each field under
     * it ({@code lines.billno}), so the field tree and the table's source picker offer them.
     */
    OperationDefinition fields(OperationDefinition source, LocalizedText intoLabel) {
        if (source == null || group == null) {
            return source;
        }
        String into = group.into().trim();
        List<FieldDefinition> fields = new ArrayList<>(source.fields());
        fields.add(new FieldDefinition(into, intoLabel, "array", false, null, null));
        for (FieldDefinition field : source.fields()) {
            fields.add(new FieldDefinition(into + "." + field.name(), field.label(), field.type(), false,
                    field.description(), field.values()));
        }
        return new OperationDefinition(source.id(), source.role(), source.title(), source.description(),
                source.request(), source.records(), source.key(), source.code(), source.result(), source.paging(),
                source.window(), source.success(), source.errors(), source.params(), List.copyOf(fields),
                source.lookUp(), source.rows());
    }

    /**
     * {@code source}'s fields and, for each detail lookup, its name (an object, or an array when it keeps every
     * record) and each field of its operation under it ({@code detail.billno}).
     */
    static OperationDefinition withLookups(OperationDefinition source, List<MappingWorkbench.Lookup> lookups) {
        if (source == null || lookups.isEmpty()) {
            return source;
        }
        List<FieldDefinition> fields = new ArrayList<>(source.fields());
        for (MappingWorkbench.Lookup lookup : lookups) {
            String name = lookup.name().trim();
            fields.add(new FieldDefinition(name, lookup.operation().title(), lookup.all() ? "array" : "object", false,
                    null, null));
            for (FieldDefinition field : lookup.operation().fields()) {
                fields.add(new FieldDefinition(name + "." + field.name(), field.label(), field.type(), false,
                        field.description(), field.values()));
            }
        }
        return new OperationDefinition(source.id(), source.role(), source.title(), source.description(),
                source.request(), source.records(), source.key(), source.code(), source.result(), source.paging(),
                source.window(), source.success(), source.errors(), source.params(), List.copyOf(fields),
                source.lookUp(), source.rows());
    }

    /**
     * {@code record} with each lookup's example answer (built from its operation's fields) under its name, as the
     * solution's validation checks the mapping: a copy, the record itself unchanged.
     */
    static JsonNode withExampleAnswers(JsonNode record, List<MappingWorkbench.Lookup> lookups,
            Function<OperationDefinition, ObjectNode> example) {
        if (lookups.isEmpty() || !(record instanceof ObjectNode object)) {
            return record;
        }
        ObjectNode merged = object.deepCopy();
        for (MappingWorkbench.Lookup lookup : lookups) {
            ObjectNode answer = example.apply(lookup.operation());
            if (lookup.all()) {
                merged.putArray(lookup.name().trim()).add(answer);
            } else {
                merged.set(lookup.name().trim(), answer);
            }
        }
        return merged;
    }
}
