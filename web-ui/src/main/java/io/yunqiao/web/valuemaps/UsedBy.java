package io.yunqiao.web.valuemaps;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.yunqiao.valuemap.ValueMapUse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The solutions reading a table, each once, linked to its editor for those who may open it. */
final class UsedBy {

    private UsedBy() {
    }

    static Component of(List<ValueMapUse> uses, boolean links, BiFunction<String, Object[], String> translation) {
        Div cell = new Div();
        cell.addClassName("yq-used-by");
        Map<Long, String> solutions = new LinkedHashMap<>();
        uses.forEach(use -> solutions.putIfAbsent(use.solutionId(), use.solution()));
        if (solutions.isEmpty()) {
            Span none = new Span(translation.apply("valuemaps.unused", new Object[0]));
            none.addClassName("yq-muted");
            cell.add(none);
            return cell;
        }
        boolean first = true;
        for (Map.Entry<Long, String> solution : solutions.entrySet()) {
            if (!first) {
                cell.add(new Span(translation.apply("valuemaps.listSeparator", new Object[0])));
            }
            first = false;
            if (links) {
                Anchor link = new Anchor("solutions/" + solution.getKey(), solution.getValue());
                link.getElement().setAttribute("router-link", true);
                cell.add(link);
            } else {
                cell.add(new Span(solution.getValue()));
            }
        }
        return cell;
    }
}
