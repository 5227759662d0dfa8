package io.yunqiao.web.api;

import io.yunqiao.connection.ConnectionDraft;
import io.yunqiao.connection.ConnectionTest;
import io.yunqiao.connection.ConnectionView;
import io.yunqiao.connection.Connections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/connections")
@Tag(name = "Connections 连接器", description = "Saved credentials per system; secrets are always answered as ******")
class ConnectionsApi {

    private final Connections connections;

    ConnectionsApi(Connections connections) {
        this.connections = connections;
    }

    @GetMapping
    List<ConnectionView> list() {
        return connections.list();
    }

    @GetMapping("/{id}")
    ConnectionView get(@PathVariable long id) {
        return connections.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ConnectionView create(@RequestBody ConnectionDraft draft) {
        return connections.create(draft);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a connection; a secret sent as ****** or left out keeps its stored value")
    ConnectionView update(@PathVariable long id, @RequestBody ConnectionDraft draft) {
        return connections.update(id, draft);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a connection that no solution uses")
    void delete(@PathVariable long id) {
        connections.delete(id);
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Log in and read one record with the connector's check operation (without one: its first"
            + " query operation that needs no values)")
    TestAnswer test(@PathVariable long id, Locale locale) {
        return TestAnswer.of(connections.test(id), locale);
    }

    /**
     * A connection test as answered: the outcome, its message in the request's language, and {@code note}, what to check (in the request's language), when
     * the check operation's records path found nothing ({@code unmatchedRecords}).
     */
    record TestAnswer(boolean ok, String operation, String message, Duration duration, String unmatchedRecords,
            String note) {

        static TestAnswer of(ConnectionTest test, Locale locale) {
            return new TestAnswer(test.ok(), test.operation(), test.message(locale), test.duration(),
                    test.unmatchedRecords(), test.note(locale));
        }
    }
}
