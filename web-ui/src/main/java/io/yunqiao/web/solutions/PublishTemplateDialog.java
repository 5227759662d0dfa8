package io.yunqiao.web.solutions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.ParamDefinition;
import io.yunqiao.problem.Problem;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.Solutions;
import io.yunqiao.template.SolutionTemplate;
import io.yunqiao.template.TemplateInput;
import io.yunqiao.template.TemplatePublication;
import io.yunqiao.template.Templates;
import io.yunqiao.web.shell.Notices;
import io.yunqiao.web.shell.Translations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 发布为模板: turns a solution's saved version into a template of this installation's gallery, or into a new version
 * of a template made here for the same two systems. The form starts from what the core proposes (title, description,
 * tags, every value map copied along); a refusal is shown at its field and nothing typed is lost. Connections, alert
 * recipients and secrets never enter a template: the core leaves them out, the dialog says so.
 */
class PublishTemplateDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    private static final List<String> CATEGORIES = List.of("采购", "销售", "库存", "客户", "商品", "财务", "其他");
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[、,，/;；]+");
    private static final Pattern INPUT_FIELD = Pattern.compile("inputs\\[(\\d+)]\\.(\\w+).*");
    private static final String COPY = "copy";
    private static final String REFERENCE = "reference";

    private final Templates templates;
    private final SolutionWrites writes;
    private final long solutionId;
    private final Select<SolutionTemplate> mode = new Select<>();
    private final TextField id = new TextField();
    private final TextField titleZh = new TextField();
    private final TextField titleEn = new TextField();
    private final TextArea description = new TextArea();
    private final TextArea descriptionEn = new TextArea();
    private final ComboBox<String> category = new ComboBox<>();
    private final TextField tags = new TextField();
    private final List<InputRow> inputs = new ArrayList<>();
    /** Each input's label as the form proposed it: its English text goes along while the Chinese one is kept. */
    private final Map<String, LocalizedText> proposedLabels = new LinkedHashMap<>();
    private final Map<String, RadioButtonGroup<String>> valueMaps = new LinkedHashMap<>();
    private final TextField note = new TextField();
    private final Div error = new Div();
    private final Button publish = new Button();
    private final TemplatePublication proposal;

    /** One value a copy may be asked for: chosen or not, with its label, default and whether it is required. */
    private record InputRow(String key, Checkbox chosen, TextField label, TextField defaultValue, Checkbox required,
            boolean text) {
    }

    /**
     * @param unsavedChanges whether the editor holds changes not saved yet: then the dialog says the saved version
     *                       {@code saved} is what is published
     */
    PublishTemplateDialog(Templates templates, ConnectorRegistry registry, SolutionWrites writes, SolutionView saved,
            boolean unsavedChanges) {
        this.templates = templates;
        this.writes = writes;
        this.solutionId = saved.id();
        this.proposal = templates.proposal(saved.id());
        SolutionSpec spec = saved.spec();
        setId("publish-dialog");
        setHeaderTitle(getTranslation("publishing.title"));
        setWidth("min(56rem, 96vw)");
        setResizable(true);
        setDraggable(true);

        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        if (unsavedChanges) {
            Span unsaved = new Span(VaadinIcon.WARNING.create(),
                    new Span(getTranslation("publishing.unsaved", saved.version())));
            unsaved.setId("publish-unsaved");
            unsaved.getElement().getThemeList().add("badge warning");
            body.add(unsaved);
        }
        Span secrets = new Span(getTranslation("publishing.noSecrets"));
        secrets.setId("publish-no-secrets");
        secrets.addClassName("yq-muted");
        body.add(secrets);

        mode.setId("publish-mode");
        mode.setLabel(getTranslation("publishing.mode"));
        mode.setEmptySelectionAllowed(true);
        mode.setEmptySelectionCaption(getTranslation("publishing.mode.new"));
        mode.setItemLabelGenerator(t -> t == null ? getTranslation("publishing.mode.new")
                : getTranslation("publishing.mode.version", t.title().in(getLocale()), t.id(), t.version() + 1));
        mode.setItems(republishable(spec));
        mode.setHelperText(getTranslation("publishing.mode.help"));
        mode.setWidthFull();
        mode.addValueChangeListener(e -> modeChanged(e.getValue()));

        id.setId("publish-id");
        id.setLabel(getTranslation("publishing.id"));
        id.setHelperText(getTranslation("publishing.id.help"));
        id.setMaxLength(80);
        titleZh.setId("publish-title-zh");
        titleZh.setLabel(getTranslation("publishing.titleZh"));
        titleZh.setRequiredIndicatorVisible(true);
        titleZh.setMaxLength(100);
        titleEn.setId("publish-title-en");
        titleEn.setLabel(getTranslation("publishing.titleEn"));
        titleEn.setMaxLength(100);
        description.setId("publish-description");
        description.setLabel(getTranslation("publishing.description"));
        description.setMaxLength(1000);
        descriptionEn.setId("publish-description-en");
        descriptionEn.setLabel(getTranslation("publishing.descriptionEn"));
        descriptionEn.setMaxLength(2000);
        category.setId("publish-category");
        category.setLabel(getTranslation("publishing.category"));
        category.setItems(CATEGORIES);
        category.setAllowCustomValue(true);
        category.addCustomValueSetListener(e -> customCategory(e.getDetail()));
        tags.setId("publish-tags");
        tags.setLabel(getTranslation("publishing.tags"));
        tags.setHelperText(getTranslation("publishing.tags.help"));
        tags.setMaxLength(400);
        FormLayout texts = new FormLayout(titleZh, titleEn, id, category, description, descriptionEn, tags);
        texts.setColspan(tags, 2);
        body.add(mode, texts);

        body.add(new H4(getTranslation("publishing.inputs")));
        Span inputsHelp = new Span(getTranslation("publishing.inputs.help"));
        inputsHelp.addClassName("yq-muted");
        body.add(inputsHelp);
        OperationDefinition source = registry.operation(spec.source().connector(), spec.source().operation());
        for (ParamDefinition param : source.params()) {
            JsonNode current = spec.source().params().get(param.name());
            inputs.add(inputRow(TemplateInput.SOURCE_PARAM + param.name(), param.label() == null
                    ? new LocalizedText(param.name(), null) : param.label(), current, "string".equals(param.type())));
        }
        String start = spec.window() == null ? null : spec.window().start();
        inputs.add(inputRow(TemplateInput.WINDOW_START, new LocalizedText(
                getTranslation(Translations.CHINESE, "publishing.windowStart"),
                getTranslation(Locale.ENGLISH, "publishing.windowStart")),
                start == null ? null : TextNode.valueOf(start), true));
        for (InputRow row : inputs) {
            HorizontalLayout line = new HorizontalLayout(row.chosen(), row.label(), row.defaultValue(),
                    row.required());
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            line.setWidthFull();
            body.add(line);
        }

        if (!proposal.copiedValueMaps().isEmpty()) {
            body.add(new H4(getTranslation("publishing.valueMaps")));
            for (String table : proposal.copiedValueMaps()) {
                RadioButtonGroup<String> how = new RadioButtonGroup<>(table);
                how.setId("publish-valuemap-" + table);
                how.setItems(COPY, REFERENCE);
                how.setItemLabelGenerator(v -> getTranslation(COPY.equals(v) ? "publishing.valueMaps.copy"
                        : "publishing.valueMaps.reference"));
                how.setValue(COPY);
                valueMaps.put(table, how);
                body.add(how);
            }
            Span help = new Span(getTranslation("publishing.valueMaps.help"));
            help.addClassName("yq-muted");
            body.add(help);
        }

        note.setId("publish-note");
        note.setLabel(getTranslation("publishing.note"));
        note.setMaxLength(500);
        note.setWidthFull();
        error.setId("publish-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        body.add(note, error);
        add(body);

        publish.setText(getTranslation("publishing.publish"));
        publish.setId("publish-confirm");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.addClickListener(e -> publish());
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("publish-cancel");
        getFooter().add(cancel, publish);
        modeChanged(null);
    }

    /** The templates made here for the same source and target systems: those may get a new version. */
    private List<SolutionTemplate> republishable(SolutionSpec spec) {
        return templates.list().stream().filter(t -> !t.builtIn())
                .filter(t -> t.solution().source().connector().equals(spec.source().connector())
                        && t.solution().target().connector().equals(spec.target().connector()))
                .toList();
    }

    private InputRow inputRow(String key, LocalizedText proposed, JsonNode current, boolean text) {
        String label = proposed.zh();
        proposedLabels.put(key, proposed);
        Checkbox chosen = new Checkbox(label);
        chosen.setId("publish-input-" + key);
        TextField labelField = new TextField(getTranslation("publishing.inputs.label"));
        labelField.setId("publish-input-label-" + key);
        labelField.setValue(label);
        labelField.setMaxLength(100);
        TextField defaultField = new TextField(getTranslation("publishing.inputs.default"));
        defaultField.setId("publish-input-default-" + key);
        defaultField.setValue(current == null || current.isNull() ? "" : current.isTextual() ? current.asText()
                : current.toString());
        defaultField.setMaxLength(200);
        Checkbox required = new Checkbox(getTranslation("publishing.inputs.required"));
        required.setId("publish-input-required-" + key);
        InputRow row = new InputRow(key, chosen, labelField, defaultField, required, text);
        chosen.addValueChangeListener(e -> enableRow(row));
        enableRow(row);
        return row;
    }

    /** A parameter not asked for shows only its checkbox: the list stays short for operations with many. */
    private static void enableRow(InputRow row) {
        boolean on = row.chosen().getValue();
        row.label().setVisible(on);
        row.defaultValue().setVisible(on);
        row.required().setVisible(on);
    }

    private void customCategory(String value) {
        String typed = value == null ? "" : value.strip();
        List<String> items = new ArrayList<>(CATEGORIES);
        if (!typed.isEmpty() && !items.contains(typed)) {
            items.add(typed);
        }
        category.setItems(items);
        category.setValue(typed.isEmpty() ? null : typed);
    }

    /**
     * The English text as a person wrote it: empty when there is none (a text without English reads its Chinese
     * there, which the English field must not show as if it were English).
     */
    private static String english(LocalizedText text) {
        return text.en() == null || text.en().equals(text.zh()) ? "" : text.en();
    }

    /** A new template starts from the proposal; a new version from the template's own texts and inputs. */
    private void modeChanged(SolutionTemplate template) {
        clearErrors();
        boolean fresh = template == null;
        id.setVisible(fresh);
        note.setRequiredIndicatorVisible(!fresh);
        note.setHelperText(getTranslation(fresh ? "publishing.note.helpNew" : "publishing.note.helpVersion"));
        LocalizedText title = fresh ? proposal.title() : template.title();
        titleZh.setValue(title.zh() == null ? "" : title.zh());
        titleEn.setValue(english(title));
        LocalizedText words = fresh ? proposal.description() : template.description();
        description.setValue(words == null || words.zh() == null ? "" : words.zh());
        descriptionEn.setValue(words == null ? "" : english(words));
        customCategory(fresh ? proposal.category() : template.category());
        tags.setValue(String.join("、", fresh ? proposal.tags() : template.tags()));
        for (InputRow row : inputs) {
            Optional<TemplateInput> kept = fresh ? Optional.empty()
                    : template.inputs().stream().filter(i -> i.key().equals(row.key())).findFirst();
            row.chosen().setValue(kept.isPresent());
            kept.ifPresent(input -> {
                proposedLabels.put(row.key(), input.label());
                row.label().setValue(input.label().zh());
                row.required().setValue(input.required());
            });
        }
        if (!fresh) {
            valueMaps.forEach((table, how) -> how.setValue(template.valueMaps().containsKey(table) ? COPY
                    : REFERENCE));
        }
    }

    /** What the form says, in the core's terms. */
    TemplatePublication publication() {
        List<TemplateInput> chosen = new ArrayList<>();
        for (InputRow row : chosen()) {
            String zh = row.label().getValue().strip();
            LocalizedText proposed = proposedLabels.get(row.key());
            String en = proposed != null && zh.equals(proposed.zh()) ? proposed.en() : null;
            chosen.add(new TemplateInput(row.key(), new LocalizedText(zh, en), value(row),
                    row.required().getValue()));
        }
        List<String> copied = valueMaps.entrySet().stream().filter(e -> COPY.equals(e.getValue().getValue()))
                .map(Map.Entry::getKey).toList();
        String en = titleEn.getValue().strip();
        String aboutEn = descriptionEn.getValue().strip();
        return new TemplatePublication(id.getValue().strip(), new LocalizedText(titleZh.getValue().strip(),
                en.isEmpty() ? null : en), new LocalizedText(description.getValue().strip(),
                aboutEn.isEmpty() ? null : aboutEn),
                category.getValue(), Arrays.asList(TAG_SEPARATORS.split(tags.getValue())), chosen, copied,
                note.getValue());
    }

    private List<InputRow> chosen() {
        return inputs.stream().filter(r -> r.chosen().getValue()).toList();
    }

    /** A default as typed: text for text parameters, else the JSON it reads as (a number, true…), else the text. */
    private static JsonNode value(InputRow row) {
        String typed = row.defaultValue().getValue().strip();
        if (typed.isEmpty()) {
            return null; // the core takes the solution's own value
        }
        if (row.text()) {
            return TextNode.valueOf(typed);
        }
        try {
            return Solutions.SPEC_JSON.readTree(typed);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(typed);
        }
    }

    private void publish() {
        clearErrors();
        SolutionTemplate version = mode.getValue();
        if (version != null && note.getValue().isBlank()) {
            // said at once, in the dialog's words; the core refuses the same
            show(getTranslation("publishing.note.required"), Optional.of(note));
            return;
        }
        try {
            SolutionTemplate published = version == null ? writes.publish(solutionId, publication())
                    : writes.republish(version.id(), solutionId, publication());
            done(published);
        } catch (Problem e) {
            show(e.message(getLocale()), field(e.field()));
        }
    }

    private void done(SolutionTemplate published) {
        String text = getTranslation("publishing.published", published.title().in(getLocale()), published.id(),
                published.version());
        Notices.success(text);
        removeAll();
        Span done = new Span(VaadinIcon.CHECK_CIRCLE.create(), new Span(text));
        done.setId("publish-done");
        add(done);
        getFooter().removeAll();
        Button gallery = new Button(getTranslation("publishing.openGallery"), VaadinIcon.GRID_BIG.create(), e -> {
            close();
            UI.getCurrent().navigate("templates/" + published.id());
        });
        gallery.setId("publish-open-gallery");
        gallery.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button(getTranslation("common.close"), e -> close());
        close.setId("publish-close");
        getFooter().add(close, gallery);
    }

    /** The field a refusal names: title.zh, id, note, inputs[i].key … */
    private Optional<Component> field(String name) {
        if (name == null) {
            return Optional.empty();
        }
        // the template file's rules name places as paths in the file ($.title.zh); the core's own checks plainly
        String place = name.startsWith("$.") ? name.substring(2) : name;
        Matcher input = INPUT_FIELD.matcher(place);
        if (input.matches()) {
            int index = Integer.parseInt(input.group(1));
            List<InputRow> chosen = chosen();
            if (index >= chosen.size()) {
                return Optional.empty();
            }
            InputRow row = chosen.get(index);
            return Optional.of(input.group(2).equals("default") ? row.defaultValue() : row.label());
        }
        return Optional.ofNullable(switch (place) {
            case "id" -> mode.getValue() == null ? id : null;
            case "title", "title.zh" -> titleZh;
            case "title.en" -> titleEn;
            case "description", "description.zh" -> description;
            case "description.en" -> descriptionEn;
            case "category" -> category;
            case "note" -> note;
            default -> place.startsWith("tags") ? tags : null;
        });
    }

    /** A refusal: said under the form, and on its field when it names one; what was typed stays. */
    private void show(String message, Optional<Component> at) {
        error.setText(getTranslation("publishing.refused", message));
        error.setVisible(true);
        at.ifPresent(component -> {
            if (component instanceof HasValidation validated) {
                validated.setErrorMessage(message);
                validated.setInvalid(true);
            }
        });
    }

    private void clearErrors() {
        error.setVisible(false);
        error.setText("");
        List<HasValidation> fields = new ArrayList<>(List.<HasValidation>of(id, titleZh, titleEn, description,
                descriptionEn, category, tags, note));
        inputs.forEach(r -> {
            fields.add(r.label());
            fields.add(r.defaultValue());
        });
        fields.forEach(f -> f.setInvalid(false));
    }
}
