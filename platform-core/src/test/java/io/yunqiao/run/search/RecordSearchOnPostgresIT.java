package io.yunqiao.run.search;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;

/**
 * {@link RecordSearchIT} on an embedded PostgreSQL. Its database's collation is not "C" (it is C.UTF-8 here,
 * a language's collation in most installations), where a plain index cannot serve {@code LIKE 'prefix%'}: the
 * look-ups reading V16's {@code varchar_pattern_ops} indexes is what the plan test shows.
 */
class RecordSearchOnPostgresIT extends RecordSearchIT {

    private EmbeddedPostgres postgres;

    @Override
    DataSource database() {
        try {
            postgres = EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        return postgres.getPostgresDatabase();
    }

    @Override
    String vendor() {
        return "postgresql";
    }

    @AfterAll
    void stop() throws IOException {
        postgres.close();
    }

    @Override
    String indexOf(FoundRecord.Key key) {
        return switch (key) {
            case CODE -> "yq_source_record_code_search";
            case SOURCE_KEY -> "yq_source_record_key_search";
            case TARGET_KEY -> "yq_source_record_target_search";
        };
    }

    /**
     * The plan with sequential scans priced out: on the tests' few rows PostgreSQL would rightly read the table,
     * so the question is whether an index can serve the look-up at all (it cannot serve LIKE without the operator
     * class, and then the plan still reads the table).
     */
    @Override
    String plan(String sql, String argument) {
        return jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set enable_seqscan = off");
                statement.execute("set enable_bitmapscan = off");
            }
            StringBuilder plan = new StringBuilder();
            try (var explain = connection.prepareStatement("explain " + sql)) {
                explain.setString(1, argument);
                try (var rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            }
            try (var statement = connection.createStatement()) {
                statement.execute("reset enable_seqscan");
                statement.execute("reset enable_bitmapscan");
            }
            return plan.toString();
        });
    }
}
