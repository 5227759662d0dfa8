package io.yunqiao.web.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class CopyCommandTest {

    @Test
    void aFailedBatchIsReportedInTheDatabasesWordsWithoutTheStatement() {
        // given the driver's summary of a batch, which repeats the statement, and the database's reason behind it
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO \"yq_user\" (\"id\") VALUES"
                + " ('1') was aborted", new int[0]);
        batch.setNextException(new SQLException("ERROR: duplicate key value violates unique constraint"
                + " \"yq_user_pkey\"  Detail: Key (id)=(1) already exists."));

        // when the copy reports it
        String reason = CopyCommand.reason(batch);

        // then the operator reads the key and its value, not the statement
        assertThat(reason).contains("duplicate key", "Key (id)=(1)").doesNotContain("INSERT");
    }

    @Test
    void anyOtherFailureIsReportedByItsMessage() {
        assertThat(CopyCommand.reason(new IllegalStateException("the source closed"))).isEqualTo("the source closed");
    }

    @Test
    void aDatabaseAddressIsPrintedWithoutTheSettingsWhereAPasswordMayBe() {
        assertThat(CopyCommand.shown("jdbc:postgresql://db:5432/yunqiao?user=y&password=secret-1"))
                .isEqualTo("jdbc:postgresql://db:5432/yunqiao…");
        assertThat(CopyCommand.shown("jdbc:h2:file:./data/yunqiao;PASSWORD=secret-2;CIPHER=AES"))
                .isEqualTo("jdbc:h2:file:./data/yunqiao…");
        assertThat(CopyCommand.shown("jdbc:h2:file:./data/yunqiao")).isEqualTo("jdbc:h2:file:./data/yunqiao");
    }
}
