package io.yunqiao.web.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.yunqiao.connection.Connections;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.run.TargetOverlaps;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.template.SolutionTemplate;
import io.yunqiao.template.Templates;
import io.yunqiao.web.security.CurrentUser;
import io.yunqiao.web.solutions.CronDescription;
import jakarta.annotation.security.PermitAll;

/**
 * The template gallery (模板市场): the ready solutions the installed connectors ship, each as a card saying what it
 * reads from where and writes to where; administrators copy one into a new solution with the wizard.
 */
@Route("templates")
@PermitAll
@StyleSheet("context://styles/templates.css")
class TemplatesView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final Templates templates;
    private final ConnectorRegistry registry;
    private final Connections connections;
    private final CurrentUser user;
    private final TargetOverlaps overlaps;

    TemplatesView(Templates templates, ConnectorRegistry registry, Connections connections, CurrentUser user,
            TargetOverlaps overlaps) {
        this.overlaps = overlaps;
        this.templates = templates;
        this.registry = registry;
        this.connections = connections;
        this.user = user;
        addClassName("yq-page");
        add(new H2(getTranslation("templates.title")));
        Paragraph intro = new Paragraph(getTranslation("templates.intro"));
        intro.addClassName("yq-muted");
        add(intro);
        Div cards = new Div();
        cards.setId("templates");
        cards.addClassName("yq-template-cards");
        templates.list().forEach(t -> cards.add(card(t)));
        if (templates.list().isEmpty()) {
            Span none = new Span(getTranslation("templates.empty"));
            none.addClassName("yq-muted");
            add(none);
        }
        add(cards);
    }

    private Div card(SolutionTemplate template) {
        SolutionSpec spec = template.solution();
        Endpoints endpoints = new Endpoints(registry, getLocale());
        Div card = new Div();
        card.setId("template-" + template.id());
        card.addClassNames("yq-card", "yq-template");
        card.add(new H3(template.title().in(getLocale())));
        card.add(new Paragraph(template.description().in(getLocale())));

        Div route = new Div();
        route.addClassName("yq-template-route");
        Span source = new Span(endpoints.source(spec));
        source.addClassName("yq-template-source");
        source.setTitle(getTranslation("templates.source"));
        Span target = new Span(endpoints.target(spec));
        target.addClassName("yq-template-target");
        target.setTitle(getTranslation("templates.target"));
        Div to = new Div(VaadinIcon.ARROW_RIGHT.create(), target);
        to.addClassName("yq-template-to");
        route.add(new Div(source), to);
        card.add(route);

        String cron = spec.schedule().cron();
        Div schedule = new Div(cron == null || cron.isBlank() ? getTranslation("templates.noSchedule")
                : getTranslation("templates.schedule", CronDescription.inWords(cron, this::getTranslation)));
        schedule.addClassName("yq-muted");
        schedule.setId("schedule-" + template.id());
        if (cron != null && !cron.isBlank()) {
            // the expression stays reachable for whoever reads cron
            schedule.setTitle(cron);
        }
        card.add(schedule);
        if (spec.dedupe().targetKey() != null) {
            Div dedupe = new Div(getTranslation("templates.dedupe", fieldWords(spec.target().connector(),
                    spec.target().operation(), spec.dedupe().targetKey())));
            dedupe.addClassName("yq-muted");
            card.add(dedupe);
        }

        if (user.mayEdit()) {
            Button copy = new Button(getTranslation("templates.copy"), VaadinIcon.COPY_O.create(),
                    e -> new CopyWizard(template, templates, registry, connections, overlaps).open());
            copy.setId("copy-" + template.id());
            copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            card.add(new Div(copy));
        }
        return card;
    }

    /**
     * A target field as a clerk reads it: its label with the name beside ("客户编号（customerCode）"); the bare name
     * when the operation or the field is not declared.
     */
    private String fieldWords(String connector, String operation, String field) {
        try {
            return registry.operation(connector, operation).field(field)
                    .filter(f -> f.label() != null && !f.label().in(getLocale()).isBlank()
                            && !f.label().in(getLocale()).equals(field))
                    .map(f -> getTranslation("templates.field", f.label().in(getLocale()), field)).orElse(field);
        } catch (IllegalArgumentException e) {
            return field;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("templates.pageTitle");
    }
}
