package io.yunqiao.web.solutions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.ParamDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parameters of the source operation as a form generated from its definition: the label in the UI language,
 * a required marker, and as help the name, description, type, default and allowed values. Paging parameters are
 * left out (the platform pages); window parameters say they are filled with the window when left empty. Values
 * are text and may hold variables such as {@code {{LAST_SYNC_TIME|ms}}}.
 */
class ParamsForm extends FormLayout {

    private static final long serialVersionUID = 1L;

    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final Runnable onChange;
    private final Span note = new Span();
    /** Values as loaded, so an untouched value keeps its JSON type (a number stays a number). */
    private Map<String, JsonNode> loaded = Map.of();
    /** Saved values that have no field here (paging, undeclared): kept, so saving does not drop them silently. */
    private final Map<String, JsonNode> kept = new TreeMap<>();
    private TextField lastFocused;

    ParamsForm(Runnable onChange) {
        this.onChange = onChange;
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        note.addClassName("yq-muted");
    }

    /** Builds the form for an operation; values of parameters with the same name carry over. */
    void show(OperationDefinition operation, Map<String, JsonNode> values) {
        loaded = new TreeMap<>(values);
        kept.clear();
        fields.clear();
        removeAll();
        lastFocused = null;
        if (operation == null) {
            kept.putAll(values);
            return;
        }
        Set<String> paging = operation.paging() == null ? Set.of() : operation.paging().runtimeParams();
        Set<String> window = operation.window() == null ? Set.of()
                : Set.of(operation.window().start(), operation.window().end());
        for (ParamDefinition param : operation.params()) {
            if (paging.contains(param.name())) {
                if (values.containsKey(param.name())) {
                    kept.put(param.name(), values.get(param.name()));
                }
                continue;
            }
            TextField field = new TextField(param.label() == null ? param.name() : param.label().in(getLocale()));
            field.setId("param-" + param.name());
            field.setRequiredIndicatorVisible(param.required());
            field.setHelperText(helper(param, window.contains(param.name())));
            field.setClearButtonVisible(true);
            JsonNode value = values.get(param.name());
            field.setValue(value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString());
            field.addValueChangeListener(e -> {
                field.setInvalid(false);
                if (e.isFromClient()) {
                    onChange.run();
                }
            });
            field.addFocusListener(e -> lastFocused = field);
            fields.put(param.name(), field);
            add(field);
        }
        values.forEach((name, value) -> {
            if (!fields.containsKey(name) && !paging.contains(name)) {
                kept.put(name, value);
            }
        });
        List<String> notes = new ArrayList<>();
        if (!paging.isEmpty()) {
            notes.add(getTranslation("solutions.params.paging", String.join(", ", paging)));
        }
        if (!kept.isEmpty()) {
            notes.add(getTranslation("solutions.params.kept", kept.toString()));
        }
        if (!notes.isEmpty()) {
            note.setText(String.join(" ", notes));
            add(note, 2);
        }
    }

    private String helper(ParamDefinition param, boolean windowParam) {
        List<String> parts = new ArrayList<>();
        parts.add(param.name());
        if (param.description() != null && param.label() != null
                && !param.description().in(getLocale()).equals(param.label().in(getLocale()))) {
            parts.add(param.description().in(getLocale()));
        }
        parts.add(getTranslation("solutions.params.type", param.type()));
        if (param.defaultValue() != null && !param.defaultValue().isNull()) {
            parts.add(getTranslation("solutions.params.default", param.defaultValue().asText()));
        }
        if (!param.values().isEmpty()) {
            parts.add(getTranslation("solutions.params.values", param.values().stream()
                    .map(v -> v.isEmpty() ? "\"\"" : v).toList().toString()));
        }
        if (windowParam) {
            parts.add(getTranslation("solutions.params.window"));
        }
        return String.join(" · ", parts);
    }

    /** The values as the spec stores them: blank fields are left out; untouched values keep their type. */
    Map<String, JsonNode> values(OperationDefinition operation) {
        Map<String, JsonNode> values = new TreeMap<>(kept);
        fields.forEach((name, field) -> {
            String text = field.getValue() == null ? "" : field.getValue().trim();
            if (text.isEmpty()) {
                return;
            }
            JsonNode before = loaded.get(name);
            if (before != null && (before.isTextual() ? before.asText() : before.toString()).equals(text)) {
                values.put(name, before);
                return;
            }
            String type = operation == null ? "string" : operation.param(name).map(ParamDefinition::type)
                    .orElse("string");
            values.put(name, typed(type, text));
        });
        return values;
    }

    /** Numbers and booleans typed into a number or boolean parameter are sent as such; everything else as text. */
    private static JsonNode typed(String type, String text) {
        try {
            switch (type) {
                case "integer" -> {
                    return JsonNodeFactory.instance.numberNode(Long.parseLong(text));
                }
                case "number" -> {
                    return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
                }
                case "boolean" -> {
                    if (text.equals("true") || text.equals("false")) {
                        return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
                    }
                }
                default -> {
                    // text, variables included
                }
            }
        } catch (NumberFormatException e) {
            // not a number (e.g. a variable): sent as text, and the connector checks it
        }
        return TextNode.valueOf(text);
    }

    Optional<TextField> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The parameter field the person was in last, for inserting a variable. */
    Optional<TextField> lastFocused() {
        return Optional.ofNullable(lastFocused);
    }
}
