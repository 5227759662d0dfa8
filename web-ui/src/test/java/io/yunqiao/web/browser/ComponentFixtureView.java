package io.yunqiao.web.browser;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import io.yunqiao.web.shell.Notices;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * A test-only screen with one of each component the browser helpers drive, so that the helpers are checked against
 * what Vaadin really renders, not against what its documentation suggests. Exists on the test classpath only.
 */
@Route(ComponentFixtureView.ROUTE)
@PermitAll
class ComponentFixtureView extends VerticalLayout {

    static final String ROUTE = "browser-test/components";
    static final List<String> FRUITS = List.of("苹果 Apple", "香蕉 Banana", "樱桃 Cherry", "苹果派 Apple pie");
    private static final long serialVersionUID = 1L;

    ComponentFixtureView() {
        TextField text = new TextField("text");
        text.setId("fx-text");
        TextArea area = new TextArea("area");
        area.setId("fx-area");
        ComboBox<String> combo = new ComboBox<>("combo", FRUITS);
        combo.setId("fx-combo");
        Select<String> select = new Select<>();
        select.setLabel("select");
        select.setItems("一 one", "二 two", "三 three");
        select.setId("fx-select");
        Checkbox check = new Checkbox("check");
        check.setId("fx-check");
        Span out = new Span();
        out.setId("fx-out");
        // The button reads the values on the server: what it shows is what reached the server.
        Button show = new Button("show", e -> out.setText(String.join("|", text.getValue(), area.getValue(),
                String.valueOf(combo.getValue()), String.valueOf(select.getValue()), String.valueOf(check.getValue()))));
        show.setId("fx-show");
        Button notify = new Button("notify", e -> Notices.success("done " + text.getValue()));
        notify.setId("fx-notify");
        Grid<String> grid = new Grid<>();
        grid.setId("fx-grid");
        grid.addColumn(s -> s).setHeader("fruit");
        grid.addComponentColumn(s -> {
            Button pickRow = new Button("pick", e -> out.setText("row " + s));
            pickRow.setId("fx-pick-" + FRUITS.indexOf(s));
            return pickRow;
        });
        grid.setItems(FRUITS);
        grid.setAllRowsVisible(true);
        add(text, area, combo, select, check, show, notify, out, grid);
    }
}
