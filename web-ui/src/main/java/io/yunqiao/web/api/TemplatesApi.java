package io.yunqiao.web.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.solution.SolutionTemplate;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.solution.TemplateCopy;
import io.yunqiao.solution.Templates;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/templates")
@Tag(name = "Templates 方案模板", description = "Ready solutions shipped by connector plugins")
class TemplatesApi {

    private final Templates templates;

    TemplatesApi(Templates templates) {
        this.templates = templates;
    }

    /**
     * @param name             the new solution's name (default: the template's title)
     * @param sourceConnection the source side's connection id
     * @param targetConnection the target side's connection id
     */
    record CopyRequest(String name, Long sourceConnection, Long targetConnection) {
    }

    /**
     * The new solution (its fields at the top, as before) and what became of the template's value-map tables.
     *
     * @param solution  the new solution
     * @param valueMaps {@code created}: tables made with the template's entries; {@code kept}: tables that already
     *                  existed with other entries and were left as they were
     */
    record CopyAnswer(@JsonUnwrapped SolutionView solution, ValueMaps valueMaps) {
    }

    record ValueMaps(List<String> created, List<String> kept) {
    }

    @GetMapping
    List<SolutionTemplate> list() {
        return templates.list();
    }

    @PostMapping("/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "一键复制: create a disabled solution from the template, bound to the given connections,"
            + " and the template's value-map tables that do not exist yet (existing ones are never changed)")
    CopyAnswer copy(@PathVariable String id, @RequestBody(required = false) CopyRequest request) {
        CopyRequest given = request == null ? new CopyRequest(null, null, null) : request;
        TemplateCopy copy = templates.copyTemplate(id, given.name(), given.sourceConnection(),
                given.targetConnection());
        return new CopyAnswer(copy.solution(), new ValueMaps(copy.valueMapsCreated(), copy.valueMapsKept()));
    }
}
