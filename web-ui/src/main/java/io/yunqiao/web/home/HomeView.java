package io.yunqiao.web.home;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;

/** The start page until the solution screens arrive: says what Yunqiao is and lists the installed connectors. */
@Route("")
@PageTitle("Yunqiao 云桥")
class HomeView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    HomeView(ConnectorRegistry registry) {
        add(new H1(getTranslation("home.title")));
        add(new Paragraph(getTranslation("home.intro")));
        Grid<ConnectorDefinition> connectors = new Grid<>();
        connectors.setId("connectors");
        connectors.addColumn(d -> d.name().in(getLocale())).setHeader(getTranslation("home.connector.name"));
        connectors.addColumn(ConnectorDefinition::vendor).setHeader(getTranslation("home.connector.vendor"));
        connectors.addColumn(d -> d.operations().size()).setHeader(getTranslation("home.connector.operations"));
        connectors.setItems(registry.definitions());
        connectors.setAllRowsVisible(true);
        add(connectors);
    }
}
