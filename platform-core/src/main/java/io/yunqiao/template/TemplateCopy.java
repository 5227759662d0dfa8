package io.yunqiao.template;

import io.yunqiao.solution.SolutionView;
import java.util.List;

/**
 * What one copy of a template (一键复制) made: the new solution, and what became of the value-map tables the template
 * ships.
 *
 * @param solution         the new, disabled solution
 * @param valueMapsCreated the shipped tables that did not exist and were created with the template's entries
 * @param valueMapsKept    the shipped tables that already existed with other entries and were left as they were
 *                         (their entries win: someone may have edited them for this tenant); a table that
 *                         already held exactly the template's entries is in neither list
 */
public record TemplateCopy(SolutionView solution, List<String> valueMapsCreated, List<String> valueMapsKept) {

    public TemplateCopy {
        valueMapsCreated = List.copyOf(valueMapsCreated);
        valueMapsKept = List.copyOf(valueMapsKept);
    }
}
