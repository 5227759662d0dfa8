package io.yunqiao.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.problem.Problem;
import io.yunqiao.valuemap.ValueMapFileRefused;
import io.yunqiao.valuemap.ValueMapImport;
import io.yunqiao.valuemap.ValueMapTable;
import io.yunqiao.valuemap.ValueMapTables;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Value-map tables (数据字典) over REST: the same operations as their screen (docs/value-maps.md). Everyone signed in
 * reads; administrators change (the security configuration's rule for every non-GET request).
 */
@RestController
@RequestMapping("/api/value-maps")
@Tag(name = "Value maps 数据字典", description = "Tables that mappings read with $valueMap(table, key)")
class ValueMapsApi {

    private final ValueMapTables tables;

    ValueMapsApi(ValueMapTables tables) {
        this.tables = tables;
    }

    /**
     * A table's name and description.
     *
     * @param name        the table's (new) name
     * @param description what it is for; left as it is when absent, cleared when empty
     */
    record TableRequest(String name, String description) {
    }

    /**
     * Entries to add or change, and keys to remove.
     *
     * @param set    key → value, added or changed
     * @param remove keys removed after {@code set}
     */
    record EntriesEdit(Map<String, String> set, List<String> remove) {
    }

    @GetMapping
    @Operation(summary = "The names of the tables")
    List<String> names() {
        return tables.names();
    }

    @GetMapping(params = "details=true")
    @Operation(summary = "Every table with its description, entry count and the solutions using it; then tables"
            + " solutions use that do not exist (exists=false)")
    List<ValueMapTable> tables(@RequestParam boolean details) {
        return tables.tables();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an empty table, e.g. {\"name\":\"付款方式\",\"description\":\"…\"}")
    ValueMapTable create(@RequestBody TableRequest request) {
        return tables.create(request.name(), request.description());
    }

    @GetMapping("/{table}")
    @Operation(summary = "A table's entries, key → value")
    Map<String, String> get(@PathVariable String table) {
        return tables.get(table);
    }

    @GetMapping("/{table}/about")
    @Operation(summary = "A table's description, entry count and the solutions using it")
    ValueMapTable about(@PathVariable String table) {
        return tables.table(table);
    }

    @PatchMapping("/{table}")
    @Operation(summary = "Rename a table or change its description; renaming a table in use needs force=true")
    ValueMapTable update(@PathVariable String table, @RequestBody TableRequest request,
            @RequestParam(defaultValue = "false") boolean force) {
        String description = request.description() != null ? request.description()
                : tables.table(table).description();
        return tables.update(table, request.name(), description, force);
    }

    @PutMapping("/{table}")
    @Operation(summary = "Replace a table's entries (creating the table), e.g. {\"现金\":\"CASH\",\"转账\":\"BANK\"}")
    Map<String, String> put(@PathVariable String table, @RequestBody Map<String, String> entries) {
        return tables.put(table, entries);
    }

    @PatchMapping("/{table}/entries")
    @Operation(summary = "Add or change entries and remove keys, e.g. {\"set\":{\"支票\":\"CHECK\"},\"remove\":[\"现金\"]}")
    Map<String, String> edit(@PathVariable String table, @RequestBody EntriesEdit edit) {
        return tables.edit(table, edit.set(), edit.remove());
    }

    @PostMapping(path = "/{table}/import", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Import a CSV file (two columns 源值,目标值; UTF-8 with or without BOM, GBK/GB18030;"
            + " optional header row) as the request body; a wrong line refuses the whole file, naming every wrong line")
    ValueMapImport importCsv(@PathVariable String table, @RequestBody byte[] file,
            @Parameter(description = "REPLACE (the table holds exactly the file's entries) or MERGE (the file's"
                    + " entries are added or changed, the others stay)")
            @RequestParam(defaultValue = "REPLACE") String mode) {
        return tables.importCsv(table, file, mode(mode));
    }

    @GetMapping("/{table}/export")
    @Operation(summary = "The table as a CSV file: UTF-8 with BOM, header row 源值,目标值")
    ResponseEntity<byte[]> export(@PathVariable String table) {
        byte[] csv = tables.exportCsv(table);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(table + ".csv", StandardCharsets.UTF_8).build().toString())
                .body(csv);
    }

    @DeleteMapping("/{table}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a table and its entries; a table in use needs force=true")
    void delete(@PathVariable String table, @RequestParam(defaultValue = "false") boolean force) {
        tables.delete(table, force);
    }

    /** A refused file answers the usual refusal plus every wrong line: {@code "lines":[{"line":4,"message":…}]}. */
    @ExceptionHandler(ValueMapFileRefused.class)
    ResponseEntity<Map<String, Object>> refusedFile(ValueMapFileRefused refused, Locale locale) {
        Map<String, Object> body = ProblemAnswers.body(refused, locale);
        body.put("lines", refused.lines().stream().map(line -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("line", line.line());
            one.put("code", line.code());
            one.put("message", line.message(locale));
            return one;
        }).toList());
        return ResponseEntity.status((Integer) body.get("status")).body(body);
    }

    private static ValueMapImport.Mode mode(String mode) {
        try {
            return ValueMapImport.Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.coded(Problem.Kind.INVALID, "mode", "problem.valuemap.importMode",
                    mode.length() > 40 ? mode.substring(0, 40) + "…" : mode);
        }
    }
}
