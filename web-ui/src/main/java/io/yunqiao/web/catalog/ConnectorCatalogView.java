package io.yunqiao.web.catalog;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.Plugins;
import io.yunqiao.connectorstore.StoredConnectors;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.web.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;

/**
 * The documentation of every installed connector, read from its definition: connection fields, operations, their
 * parameters and record or body fields, with a search over operations and fields in both languages. What a user
 * would otherwise look up in the vendor's documentation. Administrators also see the definitions stored in the
 * platform, with the designer to create and edit them.
 */
@Route("connectors")
@PermitAll
@StyleSheet("context://styles/catalog.css")
class ConnectorCatalogView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final List<ConnectorSection> sections = new ArrayList<>();
    private final Span noMatch = new Span();

    ConnectorCatalogView(ConnectorRegistry registry, StoredConnectors stored, Plugins plugins, InputLimits limits,
            CurrentUser user) {
        addClassName("yq-page");
        add(new H2(getTranslation("catalog.title")));
        TextField search = new TextField();
        search.setId("catalog-search");
        search.setPlaceholder(getTranslation("catalog.search"));
        search.setHelperText(getTranslation("catalog.searchHelp"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("28em");
        search.addValueChangeListener(e -> filter(e.getValue()));
        noMatch.setId("catalog-no-match");
        noMatch.addClassName("yq-muted");
        noMatch.setVisible(false);
        add(search, noMatch);
        if (user.mayEdit()) {
            // stored definitions are designed, versioned, exported and imported by administrators
            add(new StoredDefinitions(stored, limits, user.name()));
            add(new PluginsPanel(plugins));
        }
        for (ConnectorDefinition definition : registry.definitions()) {
            ConnectorSection section = new ConnectorSection(registry.entry(definition.id()).orElseThrow());
            sections.add(section);
            add(section);
        }
    }

    private void filter(String text) {
        CatalogQuery query = new CatalogQuery(text);
        boolean any = false;
        for (ConnectorSection section : sections) {
            any |= section.filter(query);
        }
        noMatch.setText(getTranslation("catalog.noMatch", query.text()));
        noMatch.setVisible(!any);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("catalog.pageTitle");
    }
}
