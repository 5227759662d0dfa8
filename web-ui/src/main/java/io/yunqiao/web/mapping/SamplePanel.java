package io.yunqiao.web.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectVariant;
import com.vaadin.flow.component.textfield.TextArea;
import io.yunqiao.connector.JsonPaths;
import io.yunqiao.connector.OperationDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The record the mapping is tried on: fetched live from the source, the solution's last staged record, an example
 * made from the field list, or pasted and edited by hand. Several fetched records can be stepped through.
 */
class SamplePanel extends Composite<VerticalLayout> {

    private static final long serialVersionUID = 1L;
    static final ObjectMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Button fetch = new Button();
    private final Button last = new Button();
    private final Select<Integer> pick = new Select<>();
    private final Span origin = new Span();
    private final TextArea json = new TextArea();
    private final Consumer<JsonNode> onSample;
    private List<JsonNode> records = List.of();
    private OperationDefinition source;

    SamplePanel(Runnable onFetch, Runnable onLast, Consumer<JsonNode> onSample) {
        this.onSample = onSample;
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setSpacing(false);
        root.addClassName("yq-sample");
        fetch.setText(getTranslation("mapping.sample.fetch"));
        fetch.setIcon(VaadinIcon.DOWNLOAD_ALT.create());
        fetch.setId("sample-fetch");
        fetch.addThemeVariants(ButtonVariant.LUMO_SMALL);
        fetch.setTooltipText(getTranslation("mapping.sample.fetchHelp"));
        fetch.addClickListener(e -> onFetch.run());
        last.setText(getTranslation("mapping.sample.last"));
        last.setIcon(VaadinIcon.TIME_BACKWARD.create());
        last.setId("sample-last");
        last.addThemeVariants(ButtonVariant.LUMO_SMALL);
        last.setTooltipText(getTranslation("mapping.sample.lastHelp"));
        last.addClickListener(e -> onLast.run());
        pick.setId("sample-pick");
        pick.setVisible(false);
        pick.setWidth("16em");
        pick.addThemeVariants(SelectVariant.LUMO_SMALL);
        pick.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                show(records.get(e.getValue()), getTranslation("mapping.sample.origin.live", e.getValue() + 1,
                        records.size()));
                onSample.accept(records.get(e.getValue()));
            }
        });
        HorizontalLayout actions = new HorizontalLayout(fetch, last, pick);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setSpacing(true);
        origin.setId("sample-origin");
        origin.addClassName("yq-muted");
        json.setId("sample-json");
        json.setLabel(getTranslation("mapping.sample.json"));
        json.setHelperText(getTranslation("mapping.sample.jsonHelp"));
        json.setWidthFull();
        json.setMinHeight("12em");
        json.setMaxHeight("24em");
        json.addClassName("yq-code");
        json.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                edited(e.getValue());
            }
        });
        root.add(actions, origin, json);
    }

    void setSource(OperationDefinition operation) {
        this.source = operation;
    }

    /** Whether "fetch live" is offered: not to a reader, as a fetch calls the source with the connection's secret. */
    void setLiveFetch(boolean offered) {
        fetch.setVisible(offered);
    }

    void setLastEnabled(boolean enabled) {
        last.setEnabled(enabled);
    }

    /** Fetched records: the first is shown (the caller uses it); with more than one, a picker steps through them. */
    /** The records fetched live and shown here now; empty when the sample is a single record. */
    List<JsonNode> fetched() {
        return records;
    }

    void showFetched(List<JsonNode> fetched) {
        records = List.copyOf(fetched);
        List<Integer> indexes = IntStream.range(0, records.size()).boxed().toList();
        pick.setItems(indexes);
        pick.setItemLabelGenerator(i -> getTranslation("mapping.sample.pickItem", i + 1, describe(records.get(i))));
        pick.setVisible(records.size() > 1);
        if (!records.isEmpty()) {
            pick.setValue(0);
            show(records.get(0), getTranslation("mapping.sample.origin.live", 1, records.size()));
        }
    }

    /** One record from elsewhere (last staged, example); forgets fetched ones. */
    void showSingle(JsonNode record, String originText) {
        records = List.of();
        pick.setVisible(false);
        show(record, originText);
    }

    void status(String text) {
        origin.setText(text);
    }

    /** Shows a record the workbench chose; only the person's own picks and edits are reported back. */
    private void show(JsonNode record, String originText) {
        json.setInvalid(false);
        json.setValue(pretty(record));
        origin.setText(originText);
    }

    private void edited(String text) {
        if (text == null || text.isBlank()) {
            json.setInvalid(true);
            json.setErrorMessage(getTranslation("mapping.sample.empty"));
            onSample.accept(null);
            return;
        }
        try {
            JsonNode record = PRETTY.readTree(text);
            json.setInvalid(false);
            origin.setText(getTranslation("mapping.sample.origin.edited"));
            onSample.accept(record);
        } catch (JsonProcessingException e) {
            json.setInvalid(true);
            json.setErrorMessage(getTranslation("mapping.sample.invalid", e.getOriginalMessage(),
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr()));
            onSample.accept(null);
        }
    }

    /** A short name for a record in the picker: its code (编码) or key, as the operation declares them. */
    private String describe(JsonNode record) {
        List<String> parts = new ArrayList<>();
        if (source != null) {
            for (String path : new String[] {source.code(), source.key()}) {
                String text = path == null ? null : JsonPaths.text(record, path);
                if (text != null && !text.isBlank() && !parts.contains(text)) {
                    parts.add(text);
                }
            }
        }
        return parts.isEmpty() ? "" : parts.get(0);
    }

    static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
