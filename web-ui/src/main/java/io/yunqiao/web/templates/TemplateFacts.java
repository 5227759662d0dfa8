package io.yunqiao.web.templates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.solution.SolutionSpec;
import io.yunqiao.template.SolutionTemplate;
import io.yunqiao.template.TemplateFit;
import io.yunqiao.template.TemplateInput;
import io.yunqiao.template.TemplateOrigin;
import io.yunqiao.template.Templates;
import io.yunqiao.web.runs.RunFormat;
import io.yunqiao.web.solutions.CronDescription;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the gallery's cards and a template's details page both say about a template, in the words of the UI's
 * language: where it came from, whether it runs here, what a copy asks for, the download of its file.
 */
final class TemplateFacts {

    /** Beijing time, as every other screen shows times, whatever zone the server runs in. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(RunFormat.ZONE);

    private TemplateFacts() {
    }

    /** The UI's language (a component's own getLocale is not public). */
    private static Locale locale(Component host) {
        return host.getUI().or(() -> Optional.ofNullable(UI.getCurrent())).map(UI::getLocale)
                .orElse(Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * Marks what the template's author wrote (titles, descriptions, tags, labels, expressions) as data: it reads as
     * written, in whichever language the author used, whatever the UI's language.
     */
    static <T extends Component> T data(T component) {
        component.getElement().setAttribute("data-yq-data", true);
        return component;
    }

    /** A label of the UI's language followed by the author's words, e.g. "标签：" + "金蝶云星辰、吉客云". */
    static Div labelled(Component host, String key, String words, String id) {
        Div div = new Div(new Span(host.getTranslation(key)), data(new Span(words)));
        div.setId(id);
        div.addClassName("yq-muted");
        return div;
    }

    /** "内置 v1", "本机发布 v3", "导入 v2" as a badge. */
    static Span badge(Component host, SolutionTemplate template) {
        Span badge = new Span(origin(host, template.origin()) + " "
                + host.getTranslation("templates.version", template.version()));
        badge.getElement().getThemeList().add(template.builtIn() ? "badge contrast" : "badge");
        badge.addClassName("yq-template-badge");
        return badge;
    }

    static String origin(Component host, TemplateOrigin origin) {
        return host.getTranslation("templates.origin." + origin.name());
    }

    /** "发布人 张三 · 2026-12-03 10:20" for a stored version; empty for a built-in one. */
    static String published(Component host, SolutionTemplate template) {
        SolutionTemplate.Publication published = template.published();
        if (template.builtIn() || published == null) {
            return "";
        }
        return host.getTranslation("templates.publishedBy", published.by() == null ? "" : published.by(),
                time(published.at()));
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** The two connectors' names (once when both ends are the same system). */
    static String connectors(Component host, Endpoints endpoints, SolutionSpec spec) {
        Set<String> names = new LinkedHashSet<>();
        names.add(endpoints.connector(spec.source().connector()));
        names.add(endpoints.connector(spec.target().connector()));
        return String.join(host.getTranslation("templates.listSeparator"), names);
    }

    static String inputLabels(Component host, List<TemplateInput> inputs) {
        return inputs.stream().map(i -> i.label().in(locale(host)))
                .collect(Collectors.joining(host.getTranslation("templates.listSeparator")));
    }

    /** "可以运行", or "不能运行：缺少…" with every missing part. */
    static String fit(Component host, TemplateFit fit) {
        return fit.runnable() ? host.getTranslation("templates.fit.ok")
                : host.getTranslation("templates.fit.missing", missing(host, fit));
    }

    static String missing(Component host, TemplateFit fit) {
        return fit.missing().stream().map(m -> m.render(locale(host)))
                .collect(Collectors.joining(host.getTranslation("templates.missingSeparator")));
    }

    /** The line saying whether it runs here, marked for the style sheet. */
    static Div fitLine(Component host, TemplateFit fit, String id) {
        Div runs = new Div(fit(host, fit));
        runs.setId(id);
        runs.addClassName(fit.runnable() ? "yq-template-fits" : "yq-template-misfit");
        return runs;
    }

    /**
     * "计划：每 10 分钟（复制后为停用状态）", or "计划：无，手动运行"; the cron expression stays reachable, as the
     * tooltip, for whoever reads cron.
     */
    static Div schedule(Component host, SolutionSpec spec, String id) {
        String cron = spec.schedule().cron();
        boolean none = cron == null || cron.isBlank();
        Div schedule = new Div(none ? host.getTranslation("templates.noSchedule")
                : host.getTranslation("templates.schedule", CronDescription.inWords(cron, host::getTranslation)));
        schedule.setId(id);
        schedule.addClassName("yq-muted");
        if (!none) {
            schedule.setTitle(cron);
        }
        return schedule;
    }

    /** "去重依据：客户编号（customerCode）"; empty when the template dedupes by no target key. */
    static Optional<Div> dedupe(Component host, ConnectorRegistry registry, SolutionSpec spec) {
        if (spec.dedupe().targetKey() == null) {
            return Optional.empty();
        }
        Div dedupe = new Div(host.getTranslation("templates.dedupe", fieldWords(host, registry,
                spec.target().connector(), spec.target().operation(), spec.dedupe().targetKey())));
        dedupe.addClassName("yq-muted");
        return Optional.of(dedupe);
    }

    /** A target field as a clerk reads it: "客户编号（customerCode）", the bare name when it is not declared. */
    static String fieldWords(Component host, ConnectorRegistry registry, String connector, String operation,
            String field) {
        try {
            return registry.operation(connector, operation).field(field)
                    .filter(f -> f.label() != null && !f.label().in(locale(host)).isBlank()
                            && !f.label().in(locale(host)).equals(field))
                    .map(f -> host.getTranslation("templates.field", f.label().in(locale(host)), field))
                    .orElse(field);
        } catch (IllegalArgumentException e) {
            return field;
        }
    }

    /** The download of the template's file, {@code <id>.template.json}: for everyone who may see the gallery. */
    static Anchor export(Component host, Templates templates, String id, String elementId) {
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] text = templates.export(id, null).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(text), id + ".template.json",
                    "application/json;charset=UTF-8", text.length);
        }), AttachmentType.DOWNLOAD, host.getTranslation("templates.export"));
        export.setId(elementId);
        export.addClassName("yq-template-export");
        return export;
    }
}
