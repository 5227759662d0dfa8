package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.ConnectorRegistry;
import io.yunqiao.connector.JsonPaths;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.SolutionSpec;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A dry run on chosen records ({@link DryRunSource}): the solution's newest staged records or a pasted sample,
 * mapped and validated (detail lookups included) and logged like a dry run of the window; nothing is fetched,
 * staged or written, and the checkpoint stays where it is.
 */
@Component
class ChosenDryRun {

    private final JdbcTemplate jdbc;
    private final StagedContents contents;
    private final Outcomes outcomes;
    private final ConnectorRegistry registry;

    ChosenDryRun(JdbcTemplate jdbc, StagedContents contents, Outcomes outcomes, ConnectorRegistry registry) {
        this.jdbc = jdbc;
        this.contents = contents;
        this.outcomes = outcomes;
        this.registry = registry;
    }

    /** A record to try, with the key its log shows. */
    private record Chosen(String key, JsonNode content) {
    }

    void run(Run run, SolutionSpec spec, String sourceConnector, RecordPreparation preparation,
            DryRunSource source) {
        List<Chosen> records;
        if (source.kind() == DryRunSource.Kind.LAST_STAGED) {
            records = newestStaged(run.getSolutionId(), source.last());
        } else {
            OperationDefinition operation = registry.operation(sourceConnector, spec.source().operation());
            records = new ArrayList<>();
            for (JsonNode record : source.records()) {
                records.add(new Chosen(JsonPaths.text(record, operation.key()), record));
            }
        }
        int skipped = 0;
        int failed = 0;
        for (Chosen record : records) {
            Prepared prepared = preparation.prepare(record.content());
            outcomes.dryRunLog(run.getId(), record.key(), prepared.leftOut() ? RecordStatus.SKIPPED
                    : prepared.sendable() ? RecordStatus.DRY_RUN : RecordStatus.FAILED,
                    prepared.body() == null ? null : prepared.body().toString(),
                    prepared.sendable() ? StoredMessage.of("record.dryRun.valid").store() : prepared.problem());
            skipped += prepared.leftOut() ? 1 : 0;
            failed += prepared.sendable() || prepared.leftOut() ? 0 : 1;
        }
        outcomes.count(run.getId(), records.size(), 0, 0, skipped, failed);
    }

    /** The solution's {@code n} records staged (or staged again with new content) last, newest first. */
    private List<Chosen> newestStaged(long solutionId, int n) {
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("select r.source_key, c.content_z, c.dictionary_id,"
                    + " r.content from yq_source_record r left join yq_source_content c on c.record_id = r.id"
                    + " where r.solution_id = ? order by r.fetched_at desc, r.id desc");
            statement.setLong(1, solutionId);
            statement.setMaxRows(n);
            return statement;
        }, (row, number) -> {
            long dictionary = row.getLong(3);
            Long dictionaryId = row.wasNull() ? null : dictionary;
            return new Chosen(row.getString(1), contents.read(row.getBytes(2), dictionaryId, row.getString(4)));
        });
    }
}
