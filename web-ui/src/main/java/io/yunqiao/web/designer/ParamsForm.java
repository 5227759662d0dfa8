package io.yunqiao.web.designer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One field per parameter of an auth scheme or a paging type, editing the parameters' JSON tree by dotted path: only the
 * shown paths are written, so any other key in the tree (an advanced parameter the form does not offer) stays as it was.
 */
final class ParamsForm extends FormLayout {

    private static final long serialVersionUID = 1L;

    /** How a parameter is edited. */
    enum Kind {
        /** Free text, templates included. */
        TEXT,
        /** A whole number when it reads as one, else text (so a template is not refused here). */
        NUMBER,
        /** One of fixed options. */
        SELECT,
        /** {@code true} or absent. */
        CHECK,
        /** A list of names, typed comma-separated. */
        LIST,
        /** A map of names to values, typed one {@code name=value} a line. */
        PAIRS
    }

    /** A parameter: its dotted path, how it is edited, its default (shown as placeholder) and options. */
    record Param(String path, Kind kind, String placeholder, List<String> options) {

        static Param text(String path, String placeholder) {
            return new Param(path, Kind.TEXT, placeholder, List.of());
        }

        static Param number(String path, String placeholder) {
            return new Param(path, Kind.NUMBER, placeholder, List.of());
        }

        static Param select(String path, String placeholder, String... options) {
            return new Param(path, Kind.SELECT, placeholder, List.of(options));
        }

        static Param of(String path, Kind kind) {
            return new Param(path, kind, "", List.of());
        }

        /** The top-level key this parameter lives under. */
        String top() {
            int dot = path.indexOf('.');
            return dot < 0 ? path : path.substring(0, dot);
        }
    }

    private final String idPrefix;
    private final transient Runnable changed;
    private transient ObjectNode values = JsonNodeFactory.instance.objectNode();
    private boolean filling;

    ParamsForm(String idPrefix, Runnable changed) {
        this.idPrefix = idPrefix;
        this.changed = changed;
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2), new ResponsiveStep("60em", 3));
    }

    /** The top-level keys a list of parameters writes, for keeping what applies when the type changes. */
    static Set<String> tops(List<Param> params) {
        Set<String> tops = new LinkedHashSet<>();
        params.forEach(p -> tops.add(p.top()));
        return tops;
    }

    ObjectNode values() {
        return values;
    }

    /** Shows one field per parameter, filled from {@code current} (which the fields then edit in place). */
    void show(List<Param> params, ObjectNode current) {
        removeAll();
        values = current;
        filling = true;
        try {
            for (Param param : params) {
                add(field(param));
            }
        } finally {
            filling = false;
        }
        setVisible(!params.isEmpty());
    }

    private com.vaadin.flow.component.Component field(Param param) {
        String id = idPrefix + "-" + param.path().replace('.', '-');
        String label = getTranslation("designer.param." + param.path());
        JsonNode node = at(param.path());
        return switch (param.kind()) {
            case CHECK -> {
                Checkbox box = new Checkbox(label, node != null && node.asBoolean(false));
                box.setId(id);
                listen(box, param);
                yield box;
            }
            case SELECT -> {
                ComboBox<String> combo = new ComboBox<>(label);
                combo.setItems(param.options());
                combo.setPlaceholder(param.placeholder());
                combo.setClearButtonVisible(true);
                String value = Draft.text(values, param.path());
                if (!value.isEmpty()) {
                    if (!param.options().contains(value)) {
                        List<String> options = new ArrayList<>(param.options());
                        options.add(value);
                        combo.setItems(options);
                    }
                    combo.setValue(value);
                }
                combo.setId(id);
                listen(combo, param);
                yield combo;
            }
            case PAIRS -> {
                TextArea area = new TextArea(label);
                List<String> lines = new ArrayList<>();
                if (node != null) {
                    for (Map.Entry<String, JsonNode> entry : node.properties()) {
                        lines.add(entry.getKey() + "=" + entry.getValue().asText());
                    }
                }
                area.setValue(String.join("\n", lines));
                area.setHelperText(getTranslation("designer.param.pairsHelp"));
                if (node != null && node.valueStream().anyMatch(JsonNode::isContainerNode)) {
                    // a computed value (a digest) has no line form: edited in the YAML tab, never flattened here
                    area.setReadOnly(true);
                    area.setHelperText(getTranslation("designer.param.pairsInYaml"));
                }
                area.setId(id);
                listen(area, param);
                yield area;
            }
            default -> {
                TextField text = new TextField(label);
                text.setPlaceholder(param.placeholder());
                if (param.kind() == Kind.LIST && node instanceof ArrayNode array) {
                    List<String> items = new ArrayList<>();
                    array.forEach(item -> items.add(item.asText()));
                    text.setValue(String.join(", ", items));
                    text.setHelperText(getTranslation("designer.param.listHelp"));
                } else {
                    text.setValue(Draft.text(values, param.path()));
                }
                text.setId(id);
                listen(text, param);
                yield text;
            }
        };
    }

    private <V> void listen(HasValue<?, V> field, Param param) {
        field.addValueChangeListener(e -> {
            if (!filling) {
                write(param, e.getValue());
                changed.run();
            }
        });
    }

    private JsonNode at(String path) {
        JsonNode at = values;
        for (String part : path.split("\\.")) {
            at = at == null ? null : at.get(part);
        }
        return at;
    }

    private void write(Param param, Object value) {
        String[] parts = param.path().split("\\.");
        ObjectNode parent = values;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = parent.get(parts[i]);
            parent = next instanceof ObjectNode object ? object : parent.putObject(parts[i]);
        }
        String name = parts[parts.length - 1];
        String text = value instanceof String s ? s.trim() : "";
        switch (param.kind()) {
            case CHECK -> Draft.setBoolean(parent, name, Boolean.TRUE.equals(value));
            case NUMBER -> {
                if (text.matches("-?\\d{1,15}")) {
                    parent.put(name, Long.parseLong(text));
                } else {
                    Draft.set(parent, name, text);
                }
            }
            case LIST -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (String item : text.split(",")) {
                    if (!item.isBlank()) {
                        array.add(item.trim());
                    }
                }
                if (array.isEmpty()) {
                    parent.remove(name);
                } else {
                    parent.set(name, array);
                }
            }
            case PAIRS -> {
                ObjectNode pairs = JsonNodeFactory.instance.objectNode();
                for (String line : text.split("\n")) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        pairs.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                    }
                }
                if (pairs.isEmpty()) {
                    parent.remove(name);
                } else {
                    parent.set(name, pairs);
                }
            }
            default -> {
                // as typed: a bearer prefix such as "Token " keeps its space
                String raw = value instanceof String s ? s : "";
                if (raw.isBlank()) {
                    parent.remove(name);
                } else {
                    parent.put(name, raw);
                }
            }
        }
        if (parts.length > 1 && parent.isEmpty()) {
            values.remove(parts[0]);
        }
    }
}
