package io.yunqiao.web.designer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.CallTrace;
import io.yunqiao.connector.CatalogEntry;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.DefinitionOrigin;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connectorstore.BreakingChangeException;
import io.yunqiao.connectorstore.SaveResult;
import io.yunqiao.connectorstore.StoredConnectors;
import io.yunqiao.designer.FieldsFromAnswer;
import io.yunqiao.designer.TryCallRequest;
import io.yunqiao.designer.TryCallResult;
import io.yunqiao.designer.TryCalls;
import io.yunqiao.problem.Problem;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.web.runs.ErrorClassText;
import io.yunqiao.web.shell.Notices;
import jakarta.annotation.security.RolesAllowed;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The connector designer (连接器设计器): a definition edited as a form (basic information, connection fields, auth,
 * operations with their parameters, paging and fields) or as YAML; an operation tried with a saved connection
 * (the request shown as sent, secrets masked) and its fields derived from the answer; saved with the same checks as
 * start-up, the refusal shown next to the form and nothing lost. Only administrators design connectors.
 */
@Route("connectors/designer")
@RolesAllowed("ADMIN")
class DesignerView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> PARAMS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };
    static final List<String> AUTH_TYPES = List.of("none", "basic", "bearer", "api-key", "oauth2-client-credentials",
            "session-token", "signed-params", "hmac-headers");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final List<String> BODIES = List.of("json", "form", "query", "form-json-field", "none");
    static final List<String> PAGING = List.of("none", "page-number", "offset-limit", "cursor", "next-url");
    static final List<String> TYPES = List.of("string", "integer", "number", "boolean", "object", "array");

    private final transient ConnectorRegistry registry;
    private final transient StoredConnectors stored;
    private final transient TryCalls tries;
    private final transient Connections connections;

    private transient Draft draft = Draft.empty();
    private String editing;
    private transient ObjectNode operation;
    private transient JsonNode lastAnswer;
    private boolean loading;

    private final TextField id = new TextField();
    private final TextField nameZh = new TextField();
    private final TextField nameEn = new TextField();
    private final TextField vendor = new TextField();
    private final TextField version = new TextField();
    private final TextField description = new TextField();
    private final ComboBox<String> base = new ComboBox<>();
    private final Grid<ObjectNode> connectionGrid = new Grid<>();
    private final ComboBox<String> authType = new ComboBox<>();
    private final TextArea authYaml = new TextArea();
    private final ParamsForm authForm = new ParamsForm("designer-auth", () -> formChanged(true));
    private final Span authHint = new Span();
    private final Grid<ObjectNode> operationGrid = new Grid<>();
    private final FormLayout operationForm = new FormLayout();
    private final TextField opId = new TextField();
    private final ComboBox<String> opRole = new ComboBox<>();
    private final TextField opTitle = new TextField();
    private final ComboBox<String> opMethod = new ComboBox<>();
    private final TextField opPath = new TextField();
    private final ComboBox<String> opBody = new ComboBox<>();
    private final TextField opField = new TextField();
    private final TextArea opForm = new TextArea();
    private final TextField opRecords = new TextField();
    private final TextField opKey = new TextField();
    private final ComboBox<String> opPaging = new ComboBox<>();
    private final TextArea opPagingParams = new TextArea();
    private final ParamsForm pagingForm = new ParamsForm("designer-paging", () -> formChanged(false));
    private final Grid<ObjectNode> paramGrid = new Grid<>();
    private final Grid<ObjectNode> fieldGrid = new Grid<>();
    private final TextArea yaml = new TextArea();
    private final ComboBox<ConnectionView> connection = new ComboBox<>();
    private final TextArea tryInput = new TextArea();
    private final Span outcome = new Span();
    private final Pre request = new Pre();
    private final Pre response = new Pre();
    private final Div errors = new Div();
    private final TabSheet tabs = new TabSheet();

    DesignerView(ConnectorRegistry registry, StoredConnectors stored, TryCalls tries, Connections connections) {
        this.registry = registry;
        this.stored = stored;
        this.tries = tries;
        this.connections = connections;
        addClassName("yq-page");
        add(new H2(getTranslation("designer.title")));
        errors.setId("designer-errors");
        errors.addClassName("yq-error");
        errors.setVisible(false);
        Button save = new Button(getTranslation("designer.save"), VaadinIcon.CHECK.create(), e -> save(false));
        save.setId("designer-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(getTranslation("designer.back"), e -> navigate("connectors"));
        back.setId("designer-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new HorizontalLayout(save, back), errors);
        tabs.setId("designer-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("designer.tab.basics"), basics()).setId("designer-tab-basics");
        tabs.add(getTranslation("designer.tab.connection"), connectionTab()).setId("designer-tab-connection");
        tabs.add(getTranslation("designer.tab.operations"), operationsTab()).setId("designer-tab-operations");
        tabs.add(getTranslation("designer.tab.try"), tryTab()).setId("designer-tab-try");
        tabs.add(getTranslation("designer.tab.yaml"), yamlTab()).setId("designer-tab-yaml");
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() != null && tabs.getIndexOf(e.getSelectedTab()) == 4) {
                yaml.setValue(draft.yaml());
            }
        });
        add(tabs);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        String storedId = first(query, "id");
        String extendsId = first(query, "extends");
        if (storedId != null) {
            try {
                Draft loaded = Draft.parse(stored.get(storedId).definition());
                if (loaded != null) {
                    editing = storedId;
                    draft = loaded;
                }
            } catch (Problem e) {
                Notices.error(e.message(getLocale()));
            }
        } else if (extendsId != null && registry.find(extendsId).isPresent()) {
            base.setValue(extendsId);
        }
        refresh();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private VerticalLayout basics() {
        id.setId("designer-id");
        id.setLabel(getTranslation("designer.id"));
        id.setHelperText(getTranslation("designer.idHelp"));
        nameZh.setId("designer-name-zh");
        nameZh.setLabel(getTranslation("designer.nameZh"));
        nameEn.setId("designer-name-en");
        nameEn.setLabel(getTranslation("designer.nameEn"));
        vendor.setId("designer-vendor");
        vendor.setLabel(getTranslation("designer.vendor"));
        version.setId("designer-version");
        version.setLabel(getTranslation("designer.version"));
        description.setId("designer-description");
        description.setLabel(getTranslation("designer.description"));
        base.setId("designer-base");
        base.setLabel(getTranslation("designer.base"));
        base.setHelperText(getTranslation("designer.baseHelp"));
        base.setClearButtonVisible(true);
        base.setItems(registry.catalog().stream().filter(DesignerView::installed)
                .map(e -> e.definition().id()).toList());
        base.setItemLabelGenerator(this::connectorLabel);
        bindRoot(id, "id");
        bindRoot(nameZh, "name.zh");
        bindRoot(nameEn, "name.en");
        bindRoot(vendor, "vendor");
        bindRoot(version, "version");
        bindRoot(description, "description.zh");
        base.addValueChangeListener(e -> {
            if (loading) {
                return;
            }
            Draft.set(draft.root(), "extends", e.getValue());
            if (e.getValue() != null && id.isEmpty()) {
                Draft.set(draft.root(), "id", e.getValue() + "-ext");
            }
            if (e.getValue() != null && nameZh.isEmpty()) {
                registry.find(e.getValue()).ifPresent(d -> Draft.set(draft.root(), "name.zh",
                        getTranslation("designer.extensionName", d.name().zh())));
            }
            refresh();
        });
        FormLayout form = new FormLayout(base, id, nameZh, nameEn, vendor, version, description);
        return new VerticalLayout(form);
    }

    private String connectorLabel(String connectorId) {
        return registry.find(connectorId).map(d -> d.name().in(getLocale()) + " (" + connectorId + ")")
                .orElse(connectorId);
    }

    private VerticalLayout connectionTab() {
        connectionGrid.setId("designer-connection-fields");
        connectionGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        connectionGrid.setAllRowsVisible(true);
        textColumn(connectionGrid, "name", "designer.field.name");
        textColumn(connectionGrid, "label.zh", "designer.field.label");
        comboColumn(connectionGrid, "type", "designer.field.type", List.of("string", "password", "url"));
        checkColumn(connectionGrid, "required", "designer.field.required");
        checkColumn(connectionGrid, "secret", "designer.field.secret");
        textColumn(connectionGrid, "default", "designer.field.default");
        removeColumn(connectionGrid, () -> Draft.array(draft.root(), "connection"));
        Button add = new Button(getTranslation("designer.connection.add"), VaadinIcon.PLUS.create(), e -> {
            Draft.array(draft.root(), "connection").addObject().put("name", "").put("type", "string");
            refreshConnection();
        });
        add.setId("designer-connection-add");
        authType.setId("designer-auth-type");
        authType.setLabel(getTranslation("designer.auth.type"));
        authType.setItems(AUTH_TYPES);
        authType.addValueChangeListener(e -> {
            if (!loading) {
                keepWhatApplies(authYaml, FormParams.AUTH.get(e.getValue()), e.getValue() == null);
                writeAuth();
                showForm(true);
            }
        });
        authYaml.setId("designer-auth-params");
        authYaml.setLabel(getTranslation("designer.auth.params"));
        authYaml.setHelperText(getTranslation("designer.auth.paramsHelp"));
        authYaml.setWidthFull();
        authYaml.setMinHeight("8em");
        authYaml.addValueChangeListener(e -> {
            if (!loading) {
                writeAuth();
                showForm(true);
            }
        });
        authHint.setId("designer-auth-hint");
        authHint.addClassName("yq-muted");
        Span note = new Span(getTranslation("designer.connection.extensionNote"));
        note.addClassName("yq-muted");
        return new VerticalLayout(note, new H3(getTranslation("designer.connection.title")), connectionGrid, add,
                new H3(getTranslation("designer.auth.title")), authType, authForm, authYaml, authHint);
    }

    /** The auth scheme from the picker and the YAML of its parameters; an unreadable YAML is shown, not lost. */
    private void writeAuth() {
        ObjectNode root = draft.root();
        if (authType.getValue() == null) {
            return;
        }
        ObjectNode auth = typed(authType.getValue(), authYaml);
        if (auth != null) {
            root.set("auth", auth);
        }
    }

    /**
     * {@code {type: …}} with the parameters of a YAML box; {@code null}, with the box marked, when its YAML cannot be
     * read (what was typed stays in the box).
     */
    private ObjectNode typed(String type, TextArea box) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type);
        if (!box.getValue().isBlank()) {
            Draft params = Draft.parse(box.getValue());
            if (params == null) {
                box.setInvalid(true);
                box.setErrorMessage(getTranslation("designer.yamlInvalid"));
                return null;
            }
            params.root().remove("type");
            node.setAll(params.root());
        }
        box.setInvalid(false);
        return node;
    }

    private VerticalLayout operationsTab() {
        operationGrid.setId("designer-operations");
        operationGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        operationGrid.setAllRowsVisible(true);
        operationGrid.addColumn(op -> Draft.text(op, "id")).setHeader(getTranslation("designer.op.id"));
        operationGrid.addColumn(op -> Draft.text(op, "role")).setHeader(getTranslation("designer.op.role"));
        operationGrid.addColumn(op -> Draft.text(op, "title.zh")).setHeader(getTranslation("designer.op.title"));
        operationGrid.addSelectionListener(e -> select(e.getFirstSelectedItem().orElse(null)));
        Button add = new Button(getTranslation("designer.op.add"), VaadinIcon.PLUS.create(), e -> addOperation());
        add.setId("designer-op-add");
        Button remove = new Button(getTranslation("designer.op.remove"), VaadinIcon.TRASH.create(), e -> {
            if (operation != null) {
                ArrayNode ops = draft.operations();
                for (int i = 0; i < ops.size(); i++) {
                    if (ops.get(i) == operation) {
                        ops.remove(i);
                        break;
                    }
                }
                operation = null;
                refresh();
            }
        });
        remove.setId("designer-op-remove");
        opId.setId("designer-op-id");
        opId.setLabel(getTranslation("designer.op.id"));
        opRole.setId("designer-op-role");
        opRole.setLabel(getTranslation("designer.op.role"));
        opRole.setItems("QUERY", "EXECUTE");
        opTitle.setId("designer-op-title");
        opTitle.setLabel(getTranslation("designer.op.title"));
        opMethod.setId("designer-op-method");
        opMethod.setLabel(getTranslation("designer.op.method"));
        opMethod.setItems(METHODS);
        opPath.setId("designer-op-path");
        opPath.setLabel(getTranslation("designer.op.path"));
        opBody.setId("designer-op-body");
        opBody.setLabel(getTranslation("designer.op.body"));
        opBody.setItems(BODIES);
        opField.setId("designer-op-field");
        opField.setLabel(getTranslation("designer.op.field"));
        opForm.setId("designer-op-form");
        opForm.setLabel(getTranslation("designer.op.form"));
        opForm.setHelperText(getTranslation("designer.op.formHelp"));
        opRecords.setId("designer-op-records");
        opRecords.setLabel(getTranslation("designer.op.records"));
        opKey.setId("designer-op-key");
        opKey.setLabel(getTranslation("designer.op.key"));
        opPaging.setId("designer-op-paging");
        opPaging.setLabel(getTranslation("designer.op.paging"));
        opPaging.setItems(PAGING);
        opPagingParams.setId("designer-op-paging-params");
        opPagingParams.setLabel(getTranslation("designer.op.pagingParams"));
        opPagingParams.setHelperText(getTranslation("designer.op.pagingHelp"));
        bindOperation(opId, "id");
        bindOperation(opRole, "role");
        bindOperation(opTitle, "title.zh");
        bindOperation(opMethod, "request.method");
        bindOperation(opPath, "request.path");
        bindOperation(opBody, "request.body");
        bindOperation(opField, "request.field");
        bindOperation(opRecords, "records");
        bindOperation(opKey, "key");
        opForm.addValueChangeListener(e -> {
            if (!loading && operation != null) {
                writeForm(e.getValue());
            }
        });
        opPaging.addValueChangeListener(e -> {
            if (!loading && operation != null) {
                keepWhatApplies(opPagingParams, FormParams.PAGING.get(e.getValue()), e.getValue() == null);
                writePaging();
                showForm(false);
            }
        });
        opPagingParams.addValueChangeListener(e -> {
            if (!loading && operation != null) {
                writePaging();
                showForm(false);
            }
        });
        operationForm.add(opId, opRole, opTitle, opMethod, opPath, opBody, opField, opForm, opRecords, opKey, opPaging,
                pagingForm, opPagingParams);
        operationForm.setColspan(pagingForm, 2);
        paramGrid.setId("designer-params");
        paramGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        paramGrid.setAllRowsVisible(true);
        textColumn(paramGrid, "name", "designer.field.name");
        textColumn(paramGrid, "label.zh", "designer.field.label");
        comboColumn(paramGrid, "type", "designer.field.type", TYPES);
        textColumn(paramGrid, "default", "designer.field.default");
        checkColumn(paramGrid, "required", "designer.field.required");
        comboColumn(paramGrid, "in", "designer.param.in", List.of("body", "query", "path", "header"));
        removeColumn(paramGrid, () -> Draft.array(operation, "params"));
        Button addParam = new Button(getTranslation("designer.param.add"), VaadinIcon.PLUS.create(), e -> {
            if (operation != null) {
                Draft.array(operation, "params").addObject().put("name", "").put("type", "string");
                refreshOperation();
            }
        });
        addParam.setId("designer-param-add");
        fieldGrid.setId("designer-fields");
        fieldGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        fieldGrid.setAllRowsVisible(true);
        textColumn(fieldGrid, "name", "designer.field.name");
        textColumn(fieldGrid, "label.zh", "designer.field.label");
        textColumn(fieldGrid, "label.en", "designer.field.labelEn");
        comboColumn(fieldGrid, "type", "designer.field.type", TYPES);
        removeColumn(fieldGrid, () -> Draft.array(operation, "fields"));
        return new VerticalLayout(new HorizontalLayout(add, remove), operationGrid, operationForm,
                new H3(getTranslation("designer.param.title")), paramGrid, addParam,
                new H3(getTranslation("designer.fields.title")), fieldGrid);
    }

    /**
     * A new operation; in an extension it copies the request shape of the base's first operation (method, body
     * style, form field, fixed form fields but the method name), since a vendor's operations share it.
     */
    private void addOperation() {
        ObjectNode op = draft.operations().addObject();
        op.put("id", "");
        op.put("role", "QUERY");
        op.putObject("title");
        ObjectNode requestNode = op.putObject("request");
        requestNode.put("method", "POST");
        requestNode.put("path", "");
        String baseId = base.getValue();
        ConnectorDefinition baseDefinition = baseId == null ? null : registry.find(baseId).orElse(null);
        if (baseDefinition != null && !baseDefinition.operations().isEmpty()) {
            OperationDefinition model = baseDefinition.operations().get(0);
            io.yunqiao.connector.RequestSpec shape = model.request();
            requestNode.put("method", shape.method());
            requestNode.put("path", shape.path());
            requestNode.put("body", shape.body().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            if (shape.field() != null) {
                requestNode.put("field", shape.field());
            }
            if (!shape.form().isEmpty()) {
                ObjectNode form = requestNode.putObject("form");
                // the method name first: it is what a new operation of the same vendor changes
                form.put("method", "");
                new java.util.TreeMap<>(shape.form()).forEach((name, value) -> {
                    if (!name.equals("method")) {
                        form.put(name, value);
                    }
                });
            }
        } else {
            requestNode.put("body", "json");
        }
        operation = op;
        refresh();
        operationGrid.select(op);
        opId.focus();
    }

    private void writeForm(String text) {
        JsonNode existing = operation.get("request");
        ObjectNode requestNode = existing instanceof ObjectNode object ? object : operation.putObject("request");
        ObjectNode form = JSON.createObjectNode();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                form.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        if (form.isEmpty()) {
            requestNode.remove("form");
        } else {
            requestNode.set("form", form);
        }
    }

    /**
     * The form of the chosen auth scheme or paging type, filled from the parameters' YAML; a type without a form (a
     * session-token, hmac-headers or a chain of schemes) keeps the YAML box, with a hint saying so.
     */
    private void showForm(boolean auth) {
        ComboBox<String> type = auth ? authType : opPaging;
        TextArea box = auth ? authYaml : opPagingParams;
        ParamsForm form = auth ? authForm : pagingForm;
        List<ParamsForm.Param> params = type.getValue() == null ? null
                : (auth ? FormParams.AUTH : FormParams.PAGING).get(type.getValue());
        Draft values = box.getValue().isBlank() ? new Draft(JSON.createObjectNode()) : Draft.parse(box.getValue());
        if (params == null || values == null) {
            form.show(List.of(), JSON.createObjectNode());
            box.setVisible(true);
        } else {
            values.root().remove("type");
            form.show(params, values.root());
            box.setVisible(false);
        }
        if (auth) {
            List<String> fields = Draft.objects(Draft.array(draft.root(), "connection")).stream()
                    .map(f -> Draft.text(f, "name")).filter(n -> !n.isEmpty()).map(n -> "{{connection." + n + "}}")
                    .toList();
            String templates = fields.isEmpty() ? ""
                    : getTranslation("designer.auth.templates", String.join("  ", fields));
            boolean yamlOnly = params == null && (authType.getValue() != null || !authYaml.getValue().isBlank());
            authHint.setText(yamlOnly ? getTranslation("designer.auth.yamlOnly") + " " + templates : templates);
        }
    }

    /** A field of the form changed: its parameters written back as YAML (the one text both views read). */
    private void formChanged(boolean auth) {
        if (!auth && operation == null) {
            return;
        }
        TextArea box = auth ? authYaml : opPagingParams;
        ObjectNode values = (auth ? authForm : pagingForm).values();
        loading = true;
        try {
            box.setValue(values.isEmpty() ? "" : yamlOf(values));
        } finally {
            loading = false;
        }
        if (auth) {
            writeAuth();
        } else {
            writePaging();
        }
    }

    /** On a change of type, only the parameters the new type has a field for stay (all of them for a YAML-only type). */
    private void keepWhatApplies(TextArea box, List<ParamsForm.Param> params, boolean cleared) {
        if (cleared || params == null || box.getValue().isBlank()) {
            return;
        }
        Draft values = Draft.parse(box.getValue());
        if (values == null) {
            return;
        }
        values.root().retain(ParamsForm.tops(params));
        loading = true;
        try {
            box.setValue(values.root().isEmpty() ? "" : yamlOf(values.root()));
        } finally {
            loading = false;
        }
    }

    private void writePaging() {
        String type = opPaging.getValue();
        if (type == null) {
            operation.remove("paging");
            return;
        }
        ObjectNode paging = typed(type, opPagingParams);
        if (paging != null) {
            operation.set("paging", paging);
        }
    }

    private VerticalLayout tryTab() {
        connection.setId("designer-try-connection");
        connection.setLabel(getTranslation("designer.try.connection"));
        connection.setItemLabelGenerator(c -> c.name() + " (" + c.connectorId() + ")");
        connection.setWidth("28em");
        tryInput.setId("designer-try-input");
        tryInput.setLabel(getTranslation("designer.try.input"));
        tryInput.setHelperText(getTranslation("designer.try.inputHelp"));
        tryInput.setWidthFull();
        Button run = new Button(getTranslation("designer.try.run"), VaadinIcon.PLAY.create(), e -> tryOperation(false));
        run.setId("designer-try-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button derive = new Button(getTranslation("designer.try.fields"), VaadinIcon.LIST.create(),
                e -> deriveFields());
        derive.setId("designer-try-fields");
        outcome.setId("designer-try-outcome");
        request.setId("designer-try-request");
        request.addClassName("yq-code");
        response.setId("designer-try-response");
        response.addClassName("yq-code");
        for (Pre pre : List.of(request, response)) {
            // a signed form body is one long line: wrap it rather than hide its end
            pre.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all").set("max-width", "100%");
        }
        response.getStyle().set("max-height", "32em").set("overflow", "auto");
        Span hint = new Span(getTranslation("designer.try.hint"));
        hint.addClassName("yq-muted");
        return new VerticalLayout(hint, connection, tryInput, new HorizontalLayout(run, derive), outcome,
                new H3(getTranslation("designer.try.request")), request,
                new H3(getTranslation("designer.try.response")), response);
    }

    private void tryOperation(boolean confirmed) {
        if (operation == null) {
            Notices.error(getTranslation("designer.try.noOperation"));
            return;
        }
        ConnectionView chosen = connection.getValue();
        Map<String, Object> params = Map.of();
        JsonNode body = null;
        boolean write = "EXECUTE".equals(Draft.text(operation, "role"));
        try {
            JsonNode input = tryInput.getValue().isBlank() ? JSON.createObjectNode() : JSON.readTree(tryInput.getValue());
            if (write) {
                body = input;
            } else if (input.isObject()) {
                params = new LinkedHashMap<>(JSON.convertValue(input, PARAMS));
            }
        } catch (JsonProcessingException e) {
            tryInput.setInvalid(true);
            tryInput.setErrorMessage(getTranslation("designer.try.inputInvalid"));
            return;
        }
        tryInput.setInvalid(false);
        if (write && !confirmed) {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("designer.try.confirmTitle"),
                    getTranslation("designer.try.confirmText", Draft.text(operation, "id")),
                    getTranslation("designer.try.confirm"), e -> tryOperation(true));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("designer.cancel"));
            confirm.open();
            return;
        }
        try {
            TryCallResult result = tries.tryCall(new TryCallRequest(draft.yamlToTry(operation), null, Draft.text(operation, "id"),
                    chosen == null ? null : chosen.id(), params, body, confirmed));
            showErrors(null);
            show(result);
        } catch (Problem e) {
            showErrors(e);
        }
    }

    private void show(TryCallResult result) {
        String text = result.success()
                ? getTranslation("designer.try.ok", result.elapsed().toMillis())
                : getTranslation("designer.try.failed", ErrorClassText.of(result.errorClass(), this::getTranslation),
                        result.vendorCode() == null ? "-" : result.vendorCode(),
                        StoredMessage.render(result.message(), getLocale()));
        if (result.recordsMatched() != null) {
            text += " " + (result.recordsMatched() ? getTranslation("designer.try.matched", result.records())
                    : getTranslation("designer.try.notMatched", Draft.text(operation, "records")));
        }
        outcome.setText(text);
        outcome.getElement().setAttribute("data-success", String.valueOf(result.success()));
        CallTrace last = result.last();
        if (last == null) {
            request.setText("");
            response.setText("");
            lastAnswer = null;
            return;
        }
        StringBuilder sent = new StringBuilder(last.method()).append(' ').append(last.url()).append('\n');
        last.headers().forEach((name, values) -> values.forEach(v -> sent.append(name).append(": ").append(v)
                .append('\n')));
        sent.append('\n').append(last.body());
        request.setText(sent.toString());
        StringBuilder got = new StringBuilder("HTTP ").append(last.status()).append('\n');
        last.responseHeaders().forEach((name, values) -> values.forEach(v -> got.append(name).append(": ")
                .append(v).append('\n')));
        got.append('\n').append(last.responseBody() == null ? "" : pretty(last.responseBody()));
        response.setText(got.toString());
        lastAnswer = parse(last.responseBody());
    }

    private void deriveFields() {
        if (operation == null || lastAnswer == null) {
            Notices.error(Problem.coded(Problem.Kind.INVALID, "answer", "problem.designer.noAnswer")
                    .message(getLocale()));
            return;
        }
        Draft.setFields(operation, FieldsFromAnswer.of(lastAnswer, Draft.text(operation, "records")));
        refreshOperation();
        tabs.setSelectedIndex(2);
        Notices.success(getTranslation("designer.fields.derived", Draft.array(operation, "fields").size()));
    }

    private VerticalLayout yamlTab() {
        yaml.setId("designer-yaml");
        yaml.setWidthFull();
        yaml.setMinHeight("24em");
        Button apply = new Button(getTranslation("designer.yaml.apply"), e -> {
            Draft parsed = Draft.parse(yaml.getValue());
            if (parsed == null) {
                yaml.setInvalid(true);
                yaml.setErrorMessage(getTranslation("designer.yamlInvalid"));
                return;
            }
            yaml.setInvalid(false);
            draft = parsed;
            operation = null;
            refresh();
            Notices.success(getTranslation("designer.yaml.applied"));
        });
        apply.setId("designer-yaml-apply");
        return new VerticalLayout(yaml, apply);
    }

    private void save(boolean acceptBreaking) {
        String text = draft.yaml();
        String author = author();
        try {
            SaveResult result = editing == null ? stored.create(text, author, null)
                    : stored.update(editing, text, author, null, acceptBreaking);
            editing = result.connector().id();
            showErrors(null);
            Notices.success(getTranslation("designer.saved", editing, result.connector().version()));
            if (!result.breaks().isEmpty()) {
                Notices.error(getTranslation("designer.savedBreaking", result.breaks().size()));
            }
        } catch (BreakingChangeException e) {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("designer.breaking.title"),
                    e.breaks().stream().map(b -> b.solutionName() + ": " + b.message(getLocale()))
                            .collect(Collectors.joining("\n")),
                    getTranslation("designer.breaking.accept"), ok -> save(true));
            confirm.setId("designer-breaking");
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("designer.cancel"));
            confirm.open();
        } catch (Problem e) {
            showErrors(e);
        }
    }

    private String author() {
        Principal principal = com.vaadin.flow.server.VaadinRequest.getCurrent() == null ? null
                : com.vaadin.flow.server.VaadinRequest.getCurrent().getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    private void showErrors(Problem problem) {
        errors.removeAll();
        if (problem == null) {
            errors.setVisible(false);
            return;
        }
        String where = problem.field() == null ? "" : problem.field() + ": ";
        errors.add(new Span(where + problem.message(getLocale())));
        errors.setVisible(true);
    }

    private void refresh() {
        loading = true;
        try {
            ObjectNode root = draft.root();
            id.setValue(Draft.text(root, "id"));
            id.setReadOnly(editing != null);
            nameZh.setValue(Draft.text(root, "name.zh"));
            nameEn.setValue(Draft.text(root, "name.en"));
            vendor.setValue(Draft.text(root, "vendor"));
            version.setValue(Draft.text(root, "version"));
            description.setValue(Draft.text(root, "description.zh"));
            String extendsId = Draft.text(root, "extends");
            base.setValue(extendsId.isEmpty() ? null : extendsId);
            boolean extension = draft.isExtension();
            vendor.setEnabled(!extension);
            description.setEnabled(!extension);
            connectionGrid.setEnabled(!extension);
            authType.setEnabled(!extension);
            authYaml.setEnabled(!extension);
            JsonNode auth = root.get("auth");
            if (auth instanceof ObjectNode object) {
                authType.setValue(Draft.text(object, "type").isEmpty() ? null : Draft.text(object, "type"));
                ObjectNode rest = object.deepCopy();
                rest.remove("type");
                authYaml.setValue(rest.isEmpty() ? "" : yamlOf(rest));
            } else {
                authType.clear();
                authYaml.setValue(auth == null ? "" : yamlOf(auth));
            }
            refreshConnection();
            showForm(true);
            authForm.setEnabled(!extension);
            List<ObjectNode> ops = Draft.objects(draft.operations());
            operationGrid.setItems(ops);
            if (operation != null && ops.contains(operation)) {
                operationGrid.select(operation);
            }
            String connectorId = extension ? extendsId : Draft.text(root, "id");
            List<ConnectionView> usable = connections.list().stream()
                    .filter(c -> c.connectorId().equals(connectorId)).toList();
            ConnectionView chosen = connection.getValue();
            connection.setItems(usable);
            if (chosen != null && usable.stream().anyMatch(c -> c.id() == chosen.id())) {
                connection.setValue(usable.stream().filter(c -> c.id() == chosen.id()).findFirst().orElseThrow());
            } else if (usable.size() == 1) {
                connection.setValue(usable.get(0));
            }
        } finally {
            loading = false;
        }
        refreshOperation();
    }

    private void refreshConnection() {
        connectionGrid.setItems(Draft.objects(Draft.array(draft.root(), "connection")));
    }

    private void select(ObjectNode op) {
        operation = op;
        refreshOperation();
    }

    private void refreshOperation() {
        loading = true;
        try {
            operationForm.setVisible(operation != null);
            paramGrid.setVisible(operation != null);
            fieldGrid.setVisible(operation != null);
            if (operation == null) {
                return;
            }
            opId.setValue(Draft.text(operation, "id"));
            setCombo(opRole, Draft.text(operation, "role"));
            opTitle.setValue(Draft.text(operation, "title.zh"));
            setCombo(opMethod, Draft.text(operation, "request.method"));
            opPath.setValue(Draft.text(operation, "request.path"));
            setCombo(opBody, Draft.text(operation, "request.body"));
            opField.setValue(Draft.text(operation, "request.field"));
            JsonNode form = operation.path("request").path("form");
            List<String> lines = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : form.properties()) {
                lines.add(entry.getKey() + "=" + entry.getValue().asText());
            }
            opForm.setValue(String.join("\n", lines));
            opRecords.setValue(Draft.text(operation, "records"));
            opKey.setValue(Draft.text(operation, "key"));
            JsonNode paging = operation.get("paging");
            if (paging instanceof ObjectNode object) {
                setCombo(opPaging, Draft.text(object, "type").isEmpty() ? "page-number" : Draft.text(object, "type"));
                ObjectNode rest = object.deepCopy();
                rest.remove("type");
                opPagingParams.setValue(rest.isEmpty() ? "" : yamlOf(rest));
            } else {
                opPaging.clear();
                opPagingParams.setValue("");
            }
            showForm(false);
            paramGrid.setItems(Draft.objects(Draft.array(operation, "params")));
            fieldGrid.setItems(Draft.objects(Draft.array(operation, "fields")));
        } finally {
            loading = false;
        }
    }

    private static void setCombo(ComboBox<String> combo, String value) {
        if (value.isEmpty()) {
            combo.clear();
        } else {
            combo.setValue(value);
        }
    }

    private void bindRoot(TextField field, String path) {
        field.addValueChangeListener(e -> {
            if (!loading) {
                Draft.set(draft.root(), path, e.getValue());
            }
        });
    }

    private void bindOperation(com.vaadin.flow.component.AbstractField<?, String> field, String path) {
        field.addValueChangeListener(e -> {
            if (!loading && operation != null) {
                Draft.set(operation, path, e.getValue());
                if (path.equals("id") || path.equals("role") || path.startsWith("title")) {
                    operationGrid.getDataProvider().refreshItem(operation);
                }
            }
        });
    }

    private void textColumn(Grid<ObjectNode> grid, String path, String header) {
        grid.addComponentColumn(node -> {
            TextField cell = new TextField();
            cell.setWidthFull();
            cell.setValue(Draft.text(node, path));
            cell.addValueChangeListener(e -> Draft.set(node, path, e.getValue()));
            return cell;
        }).setHeader(getTranslation(header));
    }

    private void comboColumn(Grid<ObjectNode> grid, String path, String header, List<String> items) {
        grid.addComponentColumn(node -> {
            ComboBox<String> cell = new ComboBox<>();
            cell.setItems(items);
            cell.setWidthFull();
            String value = Draft.text(node, path);
            if (!value.isEmpty()) {
                cell.setValue(value);
            }
            cell.addValueChangeListener(e -> Draft.set(node, path, e.getValue()));
            return cell;
        }).setHeader(getTranslation(header));
    }

    private void checkColumn(Grid<ObjectNode> grid, String name, String header) {
        grid.addComponentColumn(node -> {
            Checkbox cell = new Checkbox(node.path(name).asBoolean(false));
            cell.addValueChangeListener(e -> Draft.setBoolean(node, name, e.getValue()));
            return cell;
        }).setHeader(getTranslation(header)).setAutoWidth(true).setFlexGrow(0);
    }

    private void removeColumn(Grid<ObjectNode> grid, java.util.function.Supplier<ArrayNode> array) {
        Consumer<ObjectNode> remove = node -> {
            ArrayNode nodes = array.get();
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) == node) {
                    nodes.remove(i);
                    break;
                }
            }
            grid.setItems(Draft.objects(nodes));
        };
        grid.addComponentColumn(node -> {
            Button button = new Button(VaadinIcon.TRASH.create(), e -> remove.accept(node));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            button.getElement().setAttribute("aria-label", getTranslation("designer.remove"));
            return button;
        }).setAutoWidth(true).setFlexGrow(0);
    }

    private static String yamlOf(JsonNode node) {
        try {
            return Draft.YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String pretty(String body) {
        JsonNode json = parse(body);
        try {
            return json == null ? body : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    private void navigate(String route) {
        getUI().ifPresent(ui -> ui.navigate(route));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("designer.pageTitle");
    }

    /** A connector an extension may extend: installed (built-in or plugin), not itself stored. */
    private static boolean installed(CatalogEntry entry) {
        return entry.origin() != DefinitionOrigin.STORED;
    }
}
