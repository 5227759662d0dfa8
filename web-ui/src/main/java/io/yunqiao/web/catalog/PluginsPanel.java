package io.yunqiao.web.catalog;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.yunqiao.connector.Plugins;

/**
 * For administrators: the plugins folder read at start, the jars loaded with what they brought, and the jars skipped
 * with why and how to fix it — a skipped jar does not stop the platform, so without this an operator would only
 * find it in the log. Opened by itself when a jar was skipped.
 */
class PluginsPanel extends Details {

    private static final long serialVersionUID = 1L;

    PluginsPanel(Plugins plugins) {
        setId("catalog-plugins");
        setSummaryText(getTranslation("catalog.plugins.summary", plugins.loaded().size(), plugins.skipped().size()));
        Div content = new Div();
        content.add(new Paragraph(getTranslation("catalog.plugins.folder",
                plugins.folder() == null ? "-" : plugins.folder().toString())));
        for (Plugins.Jar jar : plugins.loaded()) {
            content.add(new Paragraph(getTranslation("catalog.plugins.loaded", jar.file(),
                    String.join(", ", jar.connectors()), String.join(", ", jar.authSchemes()), jar.templates())));
        }
        for (Plugins.Skipped skipped : plugins.skipped()) {
            Paragraph line = new Paragraph(getTranslation("catalog.plugins.skipped", skipped.file(),
                    skipped.message(getLocale())));
            line.addClassName("yq-error");
            content.add(line);
        }
        if (plugins.loaded().isEmpty() && plugins.skipped().isEmpty()) {
            content.add(new Paragraph(getTranslation("catalog.plugins.none")));
        }
        add(content);
        setOpened(!plugins.skipped().isEmpty());
    }
}
