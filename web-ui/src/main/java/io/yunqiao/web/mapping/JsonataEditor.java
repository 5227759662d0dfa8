package io.yunqiao.web.mapping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.dom.DomListenerRegistration;
import java.io.Serializable;
import java.util.List;

/**
 * A code editor for JSONata mappings as a Vaadin field: CodeMirror 5 with JSONata highlighting, line numbers,
 * bracket matching, a marker on the line and column of a syntax error and Ctrl-Space completion of field paths.
 * The browser reports the text 300 ms after typing stops and on blur, with the cursor position, so
 * {@link #insertAtCursor} puts text where the person left the cursor. If CodeMirror cannot load, a plain textarea
 * does the same job.
 */
@Tag("div")
@JavaScript("context://webjars/codemirror/5.65.21/lib/codemirror.js")
@JavaScript("context://webjars/codemirror/5.65.21/addon/edit/matchbrackets.js")
@JavaScript("context://webjars/codemirror/5.65.21/addon/edit/closebrackets.js")
@JavaScript("context://webjars/codemirror/5.65.21/addon/hint/show-hint.js")
@JavaScript("context://js/jsonata-editor.js")
@StyleSheet("context://webjars/codemirror/5.65.21/lib/codemirror.css")
@StyleSheet("context://webjars/codemirror/5.65.21/addon/hint/show-hint.css")
@StyleSheet("context://styles/mapping.css")
public class JsonataEditor extends AbstractField<JsonataEditor, String> implements HasSize {

    private static final long serialVersionUID = 1L;

    /** A completion offered by Ctrl-Space: the text inserted and what it is. */
    public record Hint(String text, String label) {
    }

    private int cursor;
    private List<Hint> hints = List.of();
    private ErrorMark error;

    private record ErrorMark(int line, int column, String message) {
    }

    public JsonataEditor() {
        super("");
        addClassName("yq-jsonata-editor");
        DomListenerRegistration changes = getElement().addEventListener("jsonata-change", event -> {
            String value = event.getEventData().getString("event.detail.value");
            cursor = (int) event.getEventData().getNumber("event.detail.cursor");
            if (isReadOnly()) {
                return; // a read-only editor takes no text from the browser, whatever it sends
            }
            setModelValue(value == null ? "" : value, true);
        });
        changes.addEventData("event.detail.value").addEventData("event.detail.cursor");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        ObjectNode options = JsonNodeFactory.instance.objectNode();
        options.put("value", getValue());
        options.set("hints", hintsJson());
        options.put("fallbackNote", getTranslation("mapping.editor.fallback"));
        if (error != null) {
            options.putObject("error").put("line", error.line).put("column", error.column)
                    .put("message", error.message);
        }
        getElement().executeJs("const host = this, options = JSON.parse($0);"
                + " const go = () => window.yqJsonataEditor ? window.yqJsonataEditor.init(host, options)"
                + " : setTimeout(go, 50); go();", options.toString());
    }

    @Override
    protected void setPresentationValue(String value) {
        cursor = Math.min(cursor, value == null ? 0 : value.length());
        call("setValue", value == null ? "" : value);
    }

    /** Where the cursor was when the browser last reported: a character offset into the value. */
    public int cursor() {
        return Math.min(cursor, getValue().length());
    }

    /**
     * Inserts text where the cursor is and puts the cursor after it; the result is a value change like typing
     * (from the client, so listeners treat it as the person's edit).
     */
    public void insertAtCursor(String text) {
        if (isReadOnly()) {
            return;
        }
        String value = getValue();
        int at = cursor();
        String changed = value.substring(0, at) + text + value.substring(at);
        cursor = at + text.length();
        // the browser first, so that what listeners mark (a syntax error) lands on the new text
        call("setValue", changed);
        call("setCursor", cursor, true);
        setModelValue(changed, true);
    }

    /** Marks a syntax error: a dot in the gutter, the line tinted, the character underlined. 1-based. */
    public void showError(int line, int column, String message) {
        error = new ErrorMark(line, column, message == null ? "" : message);
        call("markError", line, column, error.message);
    }

    /** The error marked now, as {@code line:column message}, e.g. for a test; empty when none is. */
    public java.util.Optional<String> markedError() {
        return java.util.Optional.ofNullable(error).map(e -> e.line + ":" + e.column + " " + e.message);
    }

    public void clearError() {
        if (error != null) {
            error = null;
            call("clearError");
        }
    }

    /** What Ctrl-Space offers: field paths of the source, functions, variables. */
    public void setHints(List<Hint> newHints) {
        hints = List.copyOf(newHints);
        getElement().executeJs("const hints = JSON.parse($0);"
                + " if (this.$yq) { this.$yq.setHints(hints); }"
                + " else { (this.$yqQueue = this.$yqQueue || []).push(['setHints', [hints]]); }",
                hintsJson().toString());
    }

    /** Redraws after the editor was hidden (a tab that was not shown). */
    public void refresh() {
        call("refresh");
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        call("setReadOnly", readOnly);
    }

    private ArrayNode hintsJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        hints.forEach(h -> array.addObject().put("text", h.text()).put("label", h.label()));
        return array;
    }

    /**
     * Calls the browser editor. Calls made before the script has set the editor up are queued on the element and
     * replayed in order, so nothing the server says in the first round trip is lost.
     */
    private void call(String method, Serializable... arguments) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < arguments.length; i++) {
            list.append(i == 0 ? "" : ", ").append('$').append(i);
        }
        getElement().executeJs("const args = [" + list + "];"
                + " if (this.$yq) { this.$yq." + method + ".apply(null, args); }"
                + " else { (this.$yqQueue = this.$yqQueue || []).push(['" + method + "', args]); }", arguments);
    }
}
