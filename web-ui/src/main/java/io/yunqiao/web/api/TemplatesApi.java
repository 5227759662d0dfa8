package io.yunqiao.web.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.connector.LocalizedText;
import io.yunqiao.diff.LineDiff;
import io.yunqiao.problem.Problem;
import io.yunqiao.solution.SolutionView;
import io.yunqiao.template.SolutionOrigin;
import io.yunqiao.template.SolutionTemplate;
import io.yunqiao.template.TemplateCopy;
import io.yunqiao.template.TemplateCopyRequest;
import io.yunqiao.template.TemplateFit;
import io.yunqiao.template.TemplateImport;
import io.yunqiao.template.TemplateInput;
import io.yunqiao.template.TemplatePublication;
import io.yunqiao.template.TemplateUse;
import io.yunqiao.template.TemplateSearch;
import io.yunqiao.template.TemplateVersionView;
import io.yunqiao.template.Templates;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The template gallery over HTTP: list and search, read, publish from a solution, publish new versions, export and
 * import template files, delete, copy into a new solution, and a solution's template (where it came from, the newer
 * version's changes, adopting it). Reading is for everyone signed in; publishing, importing, deleting, copying and
 * adopting are for administrators, as on the screens.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Templates 方案模板", description = "Ready solutions: shipped by connector plugins, published from a"
        + " solution or imported from a template file (docs/template.schema.json)")
class TemplatesApi {

    private final Templates templates;

    TemplatesApi(Templates templates) {
        this.templates = templates;
    }

    /**
     * @param name             the new solution's name (default: the template's title)
     * @param sourceConnection the source side's connection id
     * @param targetConnection the target side's connection id
     * @param inputs           values for the template's inputs by key (a missing one takes its default)
     * @param version          the template version to copy (default: the current one)
     */
    record CopyRequest(String name, Long sourceConnection, Long targetConnection, Map<String, JsonNode> inputs,
            Integer version) {
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

    /**
     * A template as the gallery shows it: the template's own fields, whether this installation can run it (and what
     * is missing, in the caller's language), and how many solutions were copied from it.
     */
    record Entry(@JsonUnwrapped SolutionTemplate template, boolean runnable, List<String> missing, long copies,
            long inUse) {
    }

    /** A template with its history. */
    record Details(@JsonUnwrapped Entry entry, List<TemplateVersionView> versions) {
    }

    /**
     * What to publish: the solution, and the template's texts, tags and inputs.
     *
     * @param solutionId      the solution whose current version becomes the template
     * @param id              the template's id (publishing a new one; blank = made from the English title)
     * @param copiedValueMaps the value maps copied along; the others the solution reads are referenced by name.
     *                        Absent = copy every one
     * @param note            the version note; required for a new version
     */
    record PublishRequest(Long solutionId, String id, LocalizedText title, LocalizedText description,
            String category, List<String> tags, List<TemplateInput> inputs, List<String> copiedValueMaps,
            String note) {

        TemplatePublication publication() {
            return new TemplatePublication(id, title, description, category, tags, inputs, copiedValueMaps, note);
        }
    }

    record ImportAnswer(@JsonUnwrapped Entry entry, TemplateImport.Outcome outcome) {
    }

    record DiffAnswer(String id, int from, int to, List<LineDiff.Line> lines) {
    }

    /**
     * Where a solution came from.
     *
     * @param templateId    the template's id
     * @param version       the version the solution follows
     * @param title         the template's title in the caller's language; null when the template was deleted
     * @param latestVersion the template's current version; 0 when it was deleted
     * @param newerExists   whether a newer version than the one followed exists
     */
    record OriginAnswer(String templateId, int version, String title, int latestVersion, boolean newerExists) {
    }

    @GetMapping("/templates")
    @Operation(summary = "Every template, searchable: q (words in the title, description, category and tags),"
            + " system (a connector id at either end), tag, category; each says whether this installation can run it")
    List<Entry> list(@RequestParam(required = false) String q, @RequestParam(required = false) String system,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String category,
            Locale locale) {
        Map<String, TemplateUse> uses = templates.uses();
        return templates.list().stream().filter(new TemplateSearch(q, system, tag, category)::matches)
                .map(t -> entry(t, uses, locale)).toList();
    }

    @GetMapping("/templates/{id}")
    @Operation(summary = "One template (its current version) with its versions, newest first")
    Details get(@PathVariable String id, Locale locale) {
        return new Details(entry(templates.get(id), templates.uses(), locale), templates.versions(id));
    }

    @GetMapping("/templates/{id}/versions")
    @Operation(summary = "The versions of a template, newest first: who published each, when, the note, and how"
            + " many solutions were copied from it (copies) and still exist (inUse)")
    List<TemplateVersionView> versions(@PathVariable String id) {
        return templates.versions(id);
    }

    @GetMapping("/templates/{id}/versions/{version}")
    SolutionTemplate version(@PathVariable String id, @PathVariable int version) {
        return templates.get(id, version);
    }

    @GetMapping("/templates/{id}/diff")
    @Operation(summary = "The line diff between two versions of a template's file")
    DiffAnswer diff(@PathVariable String id, @RequestParam int from, @RequestParam int to) {
        return new DiffAnswer(id, from, to, templates.diff(id, from, to));
    }

    @PostMapping("/templates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发布为模板: publish a solution's current version as a new template (no connections,"
            + " alert recipients or secrets); refused with the validation problems when it does not fit its target")
    Entry publish(@RequestBody PublishRequest request, Principal user, Locale locale) {
        return entry(templates.publish(solutionId(request), request.publication(), name(user)), templates.uses(),
                locale);
    }

    @PostMapping("/templates/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a new version of a template made here from a solution; the note is required")
    Entry republish(@PathVariable String id, @RequestBody PublishRequest request, Principal user, Locale locale) {
        return entry(templates.republish(id, solutionId(request), request.publication(), name(user)),
                templates.uses(), locale);
    }

    @GetMapping("/templates/{id}/export")
    @Operation(summary = "The template file (JSON, docs/template.schema.json) of the current or a given version")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(required = false) Integer version) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".template.json\"")
                .contentType(MediaType.parseMediaType("application/json;charset=UTF-8"))
                .body(templates.export(id, version).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/templates/import")
    @Operation(summary = "Import a template file (JSON or YAML). An id already in use is refused unless the file is"
            + " exactly a version already here (outcome ALREADY_PRESENT), asNewVersion=true adds it as a new version,"
            + " or newId gives it another id")
    @TemplateFileBody
    ResponseEntity<ImportAnswer> importFile(@RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String newId, @RequestParam(defaultValue = "false") boolean asNewVersion,
            Principal user, Locale locale) {
        TemplateImport imported = templates.importFile(body == null ? null : new String(body, StandardCharsets.UTF_8),
                newId, asNewVersion, name(user));
        HttpStatus status = imported.outcome() == TemplateImport.Outcome.ALREADY_PRESENT ? HttpStatus.OK
                : HttpStatus.CREATED;
        return ResponseEntity.status(status)
                .body(new ImportAnswer(entry(imported.template(), templates.uses(), locale), imported.outcome()));
    }

    @DeleteMapping("/templates/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a template made here and its versions (built-in ones are read-only); the solutions"
            + " copied from it keep working")
    void delete(@PathVariable String id) {
        templates.delete(id);
    }

    @PostMapping("/templates/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "一键复制: create a disabled solution from the template, bound to the given connections, with"
            + " the inputs' values, and the template's value-map tables that do not exist yet (existing ones are"
            + " never changed)")
    CopyAnswer copy(@PathVariable String id, @RequestBody(required = false) CopyRequest request, Principal user) {
        CopyRequest given = request == null ? new CopyRequest(null, null, null, null, null) : request;
        TemplateCopy copy = templates.copy(id, given.version(), new TemplateCopyRequest(given.name(),
                given.sourceConnection(), given.targetConnection(), given.inputs()), name(user));
        return new CopyAnswer(copy.solution(), new ValueMaps(copy.valueMapsCreated(), copy.valueMapsKept()));
    }

    @GetMapping("/solutions/{id}/template")
    @Operation(summary = "The template a solution was copied from and whether a newer version exists; 404 when it"
            + " was not copied from a template")
    ResponseEntity<OriginAnswer> origin(@PathVariable long id, Locale locale) {
        return templates.originOf(id).map(o -> ResponseEntity.ok(origin(o, locale)))
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/solutions/{id}/template/diff")
    @Operation(summary = "What adopting the template's latest version would change in the solution, as a line diff"
            + " of its spec (its name, connections, schedule, alerts and input values are kept)")
    List<LineDiff.Line> adoptionDiff(@PathVariable long id) {
        return templates.adoptionDiff(id);
    }

    @PostMapping("/solutions/{id}/template/adopt")
    @Operation(summary = "采用新版本: save the template's latest version as the solution's next version")
    SolutionView adopt(@PathVariable long id) {
        return templates.adopt(id);
    }

    private Entry entry(SolutionTemplate template, Map<String, TemplateUse> uses, Locale locale) {
        TemplateFit fit = templates.fit(template);
        TemplateUse use = uses.getOrDefault(template.id(), TemplateUse.NONE);
        return new Entry(template, fit.runnable(), fit.missing().stream().map(m -> m.render(locale)).toList(),
                use.copies(), use.inUse());
    }

    private static OriginAnswer origin(SolutionOrigin origin, Locale locale) {
        return new OriginAnswer(origin.templateId(), origin.version(),
                origin.title() == null ? null : origin.title().in(locale), origin.latestVersion(),
                origin.newerExists());
    }

    private static long solutionId(PublishRequest request) {
        if (request == null || request.solutionId() == null) {
            throw Problem.coded(Problem.Kind.INVALID, "solutionId",
                    "problem.template.solutionRequired");
        }
        return request.solutionId();
    }

    private static String name(Principal user) {
        return user == null ? null : user.getName();
    }

    /** How the API documentation shows a template file body: its JSON or YAML text. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The template file's JSON or YAML text (see"
            + " docs/template.schema.json)", required = true, content = {
                @Content(mediaType = "application/json", schema = @Schema(type = "string")),
                @Content(mediaType = "application/yaml", schema = @Schema(type = "string")),
                @Content(mediaType = "text/yaml", schema = @Schema(type = "string"))})
    @interface TemplateFileBody {
    }
}
