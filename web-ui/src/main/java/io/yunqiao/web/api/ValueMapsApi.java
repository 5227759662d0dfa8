package io.yunqiao.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.yunqiao.run.ValueMapTables;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/value-maps")
@Tag(name = "Value maps 启用映射", description = "Tables that mappings read with $valueMap(table, key)")
class ValueMapsApi {

    private final ValueMapTables tables;

    ValueMapsApi(ValueMapTables tables) {
        this.tables = tables;
    }

    @GetMapping
    List<String> names() {
        return tables.names();
    }

    @GetMapping("/{table}")
    Map<String, String> get(@PathVariable String table) {
        return tables.get(table);
    }

    @PutMapping("/{table}")
    @Operation(summary = "Replace a table's entries, e.g. {\"现金\":\"CASH\",\"转账\":\"BANK\"}")
    Map<String, String> put(@PathVariable String table, @RequestBody Map<String, String> entries) {
        return tables.put(table, entries);
    }

    @DeleteMapping("/{table}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String table) {
        tables.delete(table);
    }
}
