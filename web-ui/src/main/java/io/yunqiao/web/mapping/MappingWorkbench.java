package io.yunqiao.web.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.mapping.Mapping;
import io.yunqiao.mapping.MappingContext;
import io.yunqiao.mapping.MappingEngine;
import io.yunqiao.mapping.MappingHint;
import io.yunqiao.mapping.MappingHints;
import io.yunqiao.mapping.MappingResult;
import io.yunqiao.mapping.MappingSyntaxException;
import io.yunqiao.mapping.TargetValidator;
import io.yunqiao.problem.Problem;
import io.yunqiao.run.SourceGroups;
import io.yunqiao.run.SourceLines;
import io.yunqiao.run.SourceSamples;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.suggestion.MappingSuggester;
import io.yunqiao.suggestion.SourceField;
import io.yunqiao.suggestion.Suggestion;
import io.yunqiao.suggestion.TargetField;
import io.yunqiao.web.shell.Notices;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where a mapping is written and tried: on top the mapping table (映射表, one row per target field, two-way with the
 * JSONata); below it the source's fields (click to insert; the divider resizes the pane), the JSONata editor, the
 * output of the sample record — recomputed as one types — with a hint for people on what is wrong and where (the
 * editor marks the spot) and what the target operation would refuse; below, the sample record and the target's
 * fields with what the output fills. Nothing here is saved: the solution editor saves the expression.
 */
@StyleSheet("context://styles/mapping.css")
public class MappingWorkbench extends Div {

    private static final long serialVersionUID = 1L;
    /** How many live records a sample fetch asks for. */
    static final int SAMPLE_SIZE = 10;

    private static final List<String> FUNCTIONS = List.of("$valueMap(", "$lookup(", "$formatDate(",
            "$formatDateTime(", "$parseMillis(", "$parseSeconds(", "$string(", "$number(", "$substring(",
            "$substringBefore(", "$substringAfter(", "$uppercase(", "$lowercase(", "$trim(", "$contains(", "$split(",
            "$join(", "$replace(", "$count(", "$sum(", "$max(", "$min(", "$average(", "$exists(", "$boolean(",
            "$not(", "$map(", "$filter(", "$distinct(", "$sort(", "$append(", "$merge(", "$keys(", "$now()",
            "$millis()", "$toMillis(", "$fromMillis(", "$round(", "$abs(", "$floor(", "$ceil(", "$formatNumber(");

    private final MappingEngine engine;
    private final MappingContext context;
    private final SourceSamples samples;
    private final JsonataEditor editor = new JsonataEditor();
    private final SourceFieldTree sourceFields;
    private final TargetFieldList targetFields;
    private final SamplePanel samplePanel;
    private final Pre output = new Pre();
    private final Span outputNote = new Span();
    private final Div error = new Div();
    private final Div problems = new Div();
    private final Div warnings = new Div();
    private final MappingTablePanel table;

    private OperationDefinition source;
    private OperationDefinition target;
    /** The source as the mapping sees it: with the group's array and the detail lookups' answers (null = none). */
    private OperationDefinition shownSource;
    private JsonNode sample;
    /** The records the last live fetch gave, before any split; empty when the sample is a single record. */
    private List<JsonNode> fetchedRecords = List.of();
    private boolean exampleSample;
    private Long solutionId;
    private Supplier<SolutionSpec.Source> liveSource = () -> null;
    private final SampleShape shape;
    /** The solution's detail lookups (关联查询), as the preview merges their answers and offers their fields. */
    private List<Lookup> lookups = List.of();
    /** Calls the detail lookups for live samples: only on a fetch, never on a keystroke. */
    private UnaryOperator<List<JsonNode>> detailAnswers = records -> records;
    /** What the solution's record filter (筛选条件) says of the mapped record: {@code null} = it is written. */
    private Function<JsonNode, String> filterNote = record -> null;
    private boolean readOnly;

    public MappingWorkbench(MappingEngine engine, MappingContext context, SourceSamples samples) {
        this.engine = engine;
        this.context = context;
        this.samples = samples;
        this.shape = new SampleShape(engine, context);
        addClassName("yq-workbench");

        editor.setId("mapping-editor");
        editor.setWidthFull();
        table = new MappingTablePanel(editor::setValue);
        Button suggest = new Button(getTranslation("mapping.suggest.button"), VaadinIcon.MAGIC.create(),
                e -> suggest());
        suggest.setId("mapping-suggest");
        suggest.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        suggest.setTooltipText(getTranslation("mapping.suggest.tooltip"));
        table.addAction(suggest);
        editor.addValueChangeListener(e -> {
            table.setExpression(e.getValue());
            recompute();
        });
        sourceFields = new SourceFieldTree(editor::insertAtCursor);
        targetFields = new TargetFieldList(editor::insertAtCursor);
        samplePanel = new SamplePanel(this::fetchLive, this::loadLastStaged, record -> {
            sample = record;
            exampleSample = false;
            recompute();
        });

        output.setId("mapping-output");
        output.addClassName("yq-json");
        outputNote.setId("mapping-output-note");
        outputNote.addClassName("yq-muted");
        error.setId("mapping-error");
        error.addClassName("yq-mapping-error");
        error.setVisible(false);
        problems.setId("mapping-problems");
        problems.addClassName("yq-mapping-problems");
        warnings.setId("mapping-warnings");
        warnings.addClassName("yq-mapping-warnings");
        warnings.setVisible(false);

        Span tableNote = new Span(getTranslation("mapping.table.note"));
        tableNote.addClassName("yq-muted");
        Div tablePane = pane("yq-pane-table", heading("mapping.table.title", null), tableNote, table);
        Div fieldsPane = pane("yq-pane-fields", heading("mapping.fields.title", null), sourceFields);
        Div editorPane = pane("yq-pane-editor", heading("mapping.editor.title", helpButton()), editor, error,
                warnings);
        // the field pane is as wide as its names need: the divider moves, the tree's columns resize
        SplitLayout split = new SplitLayout(fieldsPane, editorPane);
        split.setId("mapping-split");
        split.addClassName("yq-pane-split");
        split.setSplitterPosition(38);
        Div outputPane = pane("yq-pane-output", heading("mapping.output.title", null), outputNote, output, problems);
        Div samplePane = pane("yq-pane-sample", heading("mapping.sample.title", null), samplePanel);
        Div targetPane = pane("yq-pane-target", heading("mapping.target.title", null), targetFields);
        add(tablePane, split, outputPane, samplePane, targetPane);
        setSource(null);
        setTarget(null);
    }

    private static Div pane(String className, Component... children) {
        Div pane = new Div(children);
        pane.addClassNames("yq-pane", className);
        return pane;
    }

    private HorizontalLayout heading(String key, Component extra) {
        H4 title = new H4(getTranslation(key));
        HorizontalLayout heading = extra == null ? new HorizontalLayout(title) : new HorizontalLayout(title, extra);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        heading.addClassName("yq-pane-heading");
        return heading;
    }

    /** A cheat sheet of the JSONata a mapping needs, next to the editor. */
    private Button helpButton() {
        Button help = new Button(VaadinIcon.QUESTION_CIRCLE_O.create());
        help.setId("mapping-help");
        help.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        help.setAriaLabel(getTranslation("mapping.help.title"));
        Popover popover = new Popover();
        popover.setTarget(help);
        popover.setPosition(PopoverPosition.BOTTOM_START);
        popover.addClassName("yq-help-popover");
        Div body = new Div();
        body.add(new H4(getTranslation("mapping.help.title")));
        for (int i = 1; i <= 10; i++) {
            Div row = new Div(code(getTranslation("mapping.help.code." + i)),
                    new Span(getTranslation("mapping.help.text." + i)));
            row.addClassName("yq-help-row");
            body.add(row);
        }
        Span more = new Span(getTranslation("mapping.help.more"));
        more.addClassName("yq-muted");
        body.add(more);
        popover.add(body);
        return help;
    }

    private static Span code(String text) {
        Span code = new Span(text);
        code.addClassName("yq-code-inline");
        return code;
    }

    /** The mapping table beside the editor; the smart-mapping suggestions are shown through it. */
    public MappingTablePanel table() {
        return table;
    }

    /**
     * Shows smart-mapping suggestions (智能映射) in the table, each row with accept, plus "accept all".
     *
     * @see MappingTablePanel#showSuggestions
     */
    public MappingTablePanel.Shown showSuggestions(List<MappingTablePanel.Suggestion> suggestions) {
        return table.showSuggestions(suggestions);
    }

    /**
     * 智能映射: proposes a source field for each target field from names, labels and the sample records on screen,
     * shown in the table. Empty rows can be filled all at once; rows the table already maps are proposed too where
     * the suggestion differs, so the user sees it, but only a click on that row's "accept" changes them.
     */
    private void suggest() {
        if (source == null || target == null) {
            Notices.error(getTranslation("mapping.suggest.needOperations"));
            return;
        }
        if (!table.isAvailable()) {
            Notices.error(getTranslation("mapping.suggest.tableUnavailable"));
            return;
        }
        // real records say what a field holds (a phone, a date…); the made-up example says nothing
        List<JsonNode> records = !samplePanel.fetched().isEmpty() ? samplePanel.fetched()
                : exampleSample || sample == null ? List.of() : List.of(sample);
        List<Suggestion> found;
        try {
            // the fields the mapping sees (detail lookups, the group's array), not the bare source operation's
            found = MappingSuggester.standard().suggest(SourceField.of(shownSource == null ? source : shownSource,
                    records), TargetField.of(target));
        } catch (Problem refused) {
            Notices.error(refused.message(getLocale()));
            return;
        }
        if (found.isEmpty()) {
            Notices.error(getTranslation("mapping.suggest.none"));
            return;
        }
        MappingTablePanel.Shown shown = table.showSuggestions(found.stream().map(s -> new MappingTablePanel.Suggestion(
                s.target(), s.source(), s.confidence(), s.reason(getLocale()))).toList());
        int total = shown.empty() + shown.filled();
        if (total == 0) {
            Notices.success(getTranslation("mapping.suggest.nothingNew"));
        } else if (shown.empty() == 0) {
            Notices.success(getTranslation("mapping.suggest.shownOnlyFilled", total));
        } else if (shown.filled() > 0) {
            Notices.success(getTranslation("mapping.suggest.shownSomeFilled", total, shown.empty(), shown.filled()));
        } else {
            Notices.success(getTranslation("mapping.suggest.shown", total));
        }
    }

    /** Where the value-map rows of the table get the table names (数据字典) from. */
    public void setValueMapTables(Supplier<? extends Collection<String>> names) {
        table.setValueMapTables(names);
    }

    /** The JSONata field itself, for binding and for problems the save reports. */
    public JsonataEditor editor() {
        return editor;
    }

    public String getMapping() {
        return editor.getValue();
    }

    public void setMapping(String expression) {
        editor.setValue(expression == null ? "" : expression);
        table.setExpression(editor.getValue());
    }

    /** The solution whose staged records "last staged" reads; {@code null} for one not saved yet. */
    public void setSolution(Long id) {
        solutionId = id;
        samplePanel.setLastEnabled(id != null);
        Optional<JsonNode> staged = id == null ? Optional.empty() : samples.lastStaged(id);
        if (staged.isPresent()) {
            sample = staged.get();
            exampleSample = false;
            fetchedRecords = List.of();
            samplePanel.showSingle(sample, getTranslation("mapping.sample.origin.last"));
            recompute();
        } else {
            useExample();
        }
    }

    /**
     * A reader's workbench: the table and the editor read-only, no 智能映射, and no live fetch (a fetch calls the
     * source system with the connection's secret); the mapping is still tried on the example and on stored records,
     * which writes nothing.
     */
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        editor.setReadOnly(readOnly);
        table.setReadOnly(readOnly);
        samplePanel.setLiveFetch(!readOnly);
    }

    /** What "fetch live" asks: the source as it is on the screen, saved or not. */
    public void setLiveSource(Supplier<SolutionSpec.Source> current) {
        liveSource = current;
    }

    public void setSource(OperationDefinition operation) {
        source = operation;
        showSourceFields();
        samplePanel.setSource(operation);
        if (sample == null || exampleSample) {
            useExample();
        }
    }

    /**
     * A detail lookup as the preview sees it: its answer (the operation's first record, or all of them as an array)
     * merged under {@code name}.
     *
     * @param name      the field the answer goes under
     * @param operation the QUERY operation called; its fields are offered as {@code name.<field>}
     * @param all       whether the answer is an array of every record
     */
    public record Lookup(String name, OperationDefinition operation, boolean all) {
    }

    /** Says under the output when the record filter would skip the sample (or fail on it); shown again at once. */
    public void setFilterNote(Function<JsonNode, String> note) {
        filterNote = note;
        recompute();
    }

    /** How live samples get the answers of the detail lookups (a real call through the platform). */
    public void setDetailAnswers(UnaryOperator<List<JsonNode>> merger) {
        detailAnswers = merger;
    }

    /**
     * The solution's detail lookups: the fields offer {@code name.<field>}, the example record gets example answers;
     * live samples get real answers at the next fetch (not now: each answer is a call to the source system).
     */
    public void setLookups(List<Lookup> newLookups) {
        List<Lookup> usable = newLookups.stream().filter(l -> l.name() != null && !l.name().isBlank()
                && l.operation() != null).toList();
        if (usable.equals(lookups)) {
            return;
        }
        lookups = usable;
        showSourceFields();
        if (!fetchedRecords.isEmpty()) {
            showLines(false);
        } else if (sample == null || exampleSample) {
            useExample();
        }
    }

    /**
     * The solution's 明细拆分 and 合并, as the mapping will see records: live samples and the example are split into
     * lines; when grouping, the output is the mapping of the group record (the first record with the {@code into}
     * array of every sample sharing its key) and the fields offer {@code into.<field>}. {@code null} = off.
     */
    public void setShape(SolutionSpec.Split split, SolutionSpec.Group group) {
        if (!shape.set(split, group)) {
            return;
        }
        showSourceFields();
        if (!fetchedRecords.isEmpty()) {
            showLines(false);
        } else if (sample == null || exampleSample) {
            useExample();
        } else {
            recompute();
        }
    }

    /** The source's fields (with the group's array when grouping) in the tree, the table and the editor's hints. */
    private void showSourceFields() {
        OperationDefinition shown = SampleShape.withLookups(shape.fields(source, new LocalizedText(
                getTranslation(Locale.SIMPLIFIED_CHINESE, "mapping.fields.groupInto"),
                getTranslation(Locale.ENGLISH, "mapping.fields.groupInto"))), lookups);
        shownSource = shown;
        sourceFields.setOperation(shown);
        table.setSource(shown);
        List<JsonataEditor.Hint> hints = new ArrayList<>(sourceFields.hints());
        FUNCTIONS.forEach(f -> hints.add(new JsonataEditor.Hint(f, "")));
        editor.setHints(hints);
    }

    public void setTarget(OperationDefinition operation) {
        target = operation;
        targetFields.setOperation(operation);
        table.setTarget(operation);
        recompute();
    }

    /** A refusal of the save that concerns the mapping: shown where the mapping's errors are. */
    public void showSaveProblem(String message) {
        showError(getTranslation("mapping.error.saveRefused"), message);
    }

    /** Redraws the editor after its tab was hidden. */
    public void refresh() {
        editor.refresh();
    }

    private void useExample() {
        if (source == null || source.fields().isEmpty()) {
            fetchedRecords = List.of();
            samplePanel.showSingle(JsonNodeFactory.instance.objectNode(), getTranslation("mapping.sample.origin.none"));
            sample = null;
            exampleSample = true;
            recompute();
            return;
        }
        JsonNode example = SampleShape.withExampleAnswers(SourceLines.of(shape.split())
                .firstLine(FieldPaths.example(source, getLocale())), lookups,
                operation -> FieldPaths.example(operation, getLocale()));
        fetchedRecords = List.of();
        samplePanel.showSingle(example, getTranslation("mapping.sample.origin.example"));
        sample = example;
        exampleSample = true;
        recompute();
    }

    private void fetchLive() {
        if (readOnly) {
            return;
        }
        try {
            List<JsonNode> records = samples.fetch(liveSource.get(), SAMPLE_SIZE);
            if (records.isEmpty()) {
                samplePanel.status(getTranslation("mapping.sample.noneFetched"));
                Notices.error(getTranslation("mapping.sample.noneFetched"));
                return;
            }
            fetchedRecords = records;
            showLines(true);
            Notices.success(getTranslation("mapping.sample.fetched", records.size()));
        } catch (Problem e) {
            samplePanel.status(getTranslation("mapping.sample.fetchFailed", e.message(getLocale())));
            Notices.error(getTranslation("mapping.sample.fetchFailed", e.message(getLocale())));
        }
    }

    /**
     * The fetched records as the mapping sees them: split into lines when the solution splits, then, when {@code
     * lookUp} (a fetch), with the detail lookups' answers merged, as a run's mapping sees them.
     */
    private void showLines(boolean lookUp) {
        List<JsonNode> lines = SourceLines.of(shape.split()).lines(fetchedRecords);
        lines = lines.size() > SAMPLE_SIZE ? List.copyOf(lines.subList(0, SAMPLE_SIZE)) : lines;
        String note = null;
        if (!lookups.isEmpty() && lookUp) {
            try {
                lines = detailAnswers.apply(lines);
            } catch (Problem e) {
                note = getTranslation("mapping.sample.detailsFailed", e.message(getLocale()));
                Notices.error(note);
            } catch (MappingSyntaxException e) {
                // the save names the parameter, line and column; the preview only says why it has no answers
                note = getTranslation("mapping.sample.detailsFailed",
                        getTranslation("mapping.sample.detailsUnparsable"));
                Notices.error(note);
            }
        } else if (!lookups.isEmpty()) {
            note = getTranslation("mapping.sample.detailsAtFetch");
        }
        samplePanel.showFetched(lines);
        if (note != null) {
            samplePanel.status(note);
        }
        sample = lines.get(0);
        exampleSample = false;
        recompute();
    }

    private void loadLastStaged() {
        if (solutionId == null) {
            return;
        }
        Optional<JsonNode> staged = samples.lastStaged(solutionId);
        if (staged.isEmpty()) {
            samplePanel.status(getTranslation("mapping.sample.noneStaged"));
            Notices.error(getTranslation("mapping.sample.noneStaged"));
            return;
        }
        fetchedRecords = List.of();
        samplePanel.showSingle(staged.get(), getTranslation("mapping.sample.origin.last"));
        sample = staged.get();
        exampleSample = false;
        recompute();
    }

    /** Evaluates the mapping on the sample and shows output, errors and the target's objections. */
    private void recompute() {
        error.setVisible(false);
        error.removeAll();
        problems.removeAll();
        table.showProblem(-1, -1, null);
        warnings.removeAll();
        warnings.setVisible(false);
        String expression = editor.getValue();
        if (expression == null || expression.isBlank()) {
            editor.clearError();
            showOutput(null, getTranslation("mapping.output.noMapping"));
            return;
        }
        Mapping mapping;
        try {
            mapping = engine.compile(expression);
            editor.clearError();
        } catch (MappingSyntaxException e) {
            MappingHint hint = MappingHints.syntax(expression, e);
            String where = hint.hasPosition() ? getTranslation("mapping.error.syntaxAt", hint.line(), hint.column())
                    : getTranslation("mapping.error.syntax");
            showError(where, hint.cause(getLocale()), e.getMessage());
            if (hint.hasPosition()) {
                editor.showError(hint.line(), hint.column(), hint.cause(getLocale()));
                table.showProblem(hint.line(), hint.column(), hint.cause(getLocale()));
            } else {
                editor.showError(e.line(), e.column(), hint.cause(getLocale()));
            }
            showOutput(null, getTranslation("mapping.output.fixError"));
            return;
        } catch (Problem e) {
            // longer than yunqiao.limits.mapping-length: refused before parsing
            showError(getTranslation("mapping.error.syntax"), e.message(getLocale()));
            showOutput(null, getTranslation("mapping.output.fixError"));
            return;
        }
        showWarnings(expression);
        if (sample == null) {
            showOutput(null, getTranslation("mapping.output.noSample"));
            return;
        }
        SampleShape.Input input = shape.input(sample, samplePanel.fetched(), getLocale());
        MappingResult result = mapping.evaluate(input.record(), context);
        if (result.isFailure()) {
            MappingHint hint = MappingHints.evaluation(expression, result.error());
            String where = hint.hasPosition() ? getTranslation("mapping.error.evaluationAt", hint.line(),
                    hint.column()) : getTranslation("mapping.error.evaluation");
            showError(where, hint.cause(getLocale()), result.error());
            if (hint.hasPosition()) {
                editor.showError(hint.line(), hint.column(), hint.cause(getLocale()));
                table.showProblem(hint.line(), hint.column(), hint.cause(getLocale()));
            }
            showOutput(null, getTranslation("mapping.output.fixError"));
            return;
        }
        if (!result.hasOutput()) {
            showOutput(null, getTranslation("mapping.output.undefined"));
            return;
        }
        showOutput(result.output(), outputNote(input));
        if (target != null) {
            List<TargetValidator.FieldProblem> refused = TargetValidator.validate(result.output(), target);
            if (refused.isEmpty()) {
                Div ok = new Div(VaadinIcon.CHECK.create(), new Span(getTranslation("mapping.problems.none")));
                ok.addClassName("yq-mapping-ok");
                problems.add(ok);
            } else {
                Div title = new Div(getTranslation("mapping.problems.title", refused.size()));
                title.addClassName("yq-mapping-problems-title");
                problems.add(title);
                for (TargetValidator.FieldProblem problem : refused) {
                    Span field = new Span(problem.field().isEmpty() ? getTranslation("mapping.problems.body")
                            : problem.field());
                    field.addClassName("yq-problem-field");
                    Div line = new Div(field, new Span(problem.message(getLocale())));
                    line.addClassName("yq-mapping-problem");
                    line.getElement().setAttribute("data-kind", problem.kind().name());
                    problems.add(line);
                }
            }
        }
    }

    /** Says what the output was mapped from when it is not simply the record shown: the example, a group. */
    private String outputNote(SampleShape.Input input) {
        List<String> notes = new ArrayList<>();
        Optional.ofNullable(filterNote.apply(input.record())).ifPresent(notes::add);
        if (exampleSample) {
            notes.add(getTranslation("mapping.output.onExample"));
        }
        if (input.groupProblem() != null) {
            notes.add(getTranslation("mapping.output.groupInvalid", input.groupProblem()));
        } else if (input.noKey()) {
            notes.add(getTranslation("mapping.output.groupNoKey", shape.group().by()));
        } else if (input.grouped() > 0) {
            notes.add(getTranslation("mapping.output.group", input.key(), input.grouped(), shape.group().into()));
        }
        return String.join(" ", notes);
    }

    private void showOutput(JsonNode body, String note) {
        output.setText(body == null ? "" : SamplePanel.pretty(body));
        output.setVisible(body != null);
        outputNote.setText(note);
        outputNote.setVisible(note != null && !note.isEmpty());
        targetFields.show(body);
    }

    private void showError(String title, String message) {
        showError(title, message, null);
    }

    /** The error box: a title with the spot, the hint for people, then the engine's own words for the record. */
    private void showError(String title, String hint, String engineMessage) {
        error.removeAll();
        Div heading = new Div(VaadinIcon.WARNING.create(), new Span(title));
        heading.addClassName("yq-mapping-error-title");
        Div text = new Div(hint);
        text.setId("mapping-error-hint");
        text.addClassName("yq-mapping-error-hint");
        error.add(heading, text);
        if (engineMessage != null && !engineMessage.isBlank()) {
            Pre detail = new Pre(getTranslation("mapping.error.engineSaid", engineMessage));
            detail.addClassName("yq-mapping-error-message");
            error.add(detail);
        }
        error.setVisible(true);
    }

    /** Unknown functions and fields the source does not have: the expression runs, but probably not as meant. */
    private void showWarnings(String expression) {
        // the fields the mapping sees: a detail lookup's or the group's fields are no typing mistakes
        OperationDefinition seen = shownSource == null ? source : shownSource;
        List<String> fields = seen == null ? List.of() : seen.fields().stream().map(FieldDefinition::name)
                .toList();
        List<MappingHint> hints = MappingHints.lint(expression, fields);
        for (MappingHint hint : hints) {
            Div line = new Div(VaadinIcon.INFO_CIRCLE_O.create(), new Span(hint.message(getLocale())));
            line.addClassName("yq-mapping-warning");
            warnings.add(line);
        }
        warnings.setVisible(!hints.isEmpty());
    }
}
