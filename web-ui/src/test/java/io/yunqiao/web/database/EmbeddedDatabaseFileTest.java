package io.yunqiao.web.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which H2 URLs keep files on this machine, and where. */
class EmbeddedDatabaseFileTest {

    @ParameterizedTest
    @CsvSource({
        "jdbc:h2:file:./data/yunqiao, ./data/yunqiao",
        "jdbc:h2:file:./data/yunqiao;AUTO_SERVER=TRUE, ./data/yunqiao",
        "jdbc:h2:./data/yunqiao;MODE=PostgreSQL, ./data/yunqiao",
        "JDBC:H2:FILE:/var/lib/yunqiao/db, /var/lib/yunqiao/db"})
    void aFileUrlNamesItsDatabaseFile(String url, String file) {
        assertThat(EmbeddedDatabaseFile.of(url)).contains(Path.of(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:file:~/yunqiao", "jdbc:h2:~/yunqiao"})
    void theHomeDirectoryIsResolved(String url) {
        assertThat(EmbeddedDatabaseFile.of(url)).contains(Path.of(System.getProperty("user.home"), "yunqiao"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", "jdbc:h2:tcp://localhost/~/yunqiao",
        "jdbc:h2:ssl://db/yunqiao", "jdbc:postgresql://localhost:5432/yunqiao", "jdbc:h2:"})
    void otherUrlsHaveNoFileHere(String url) {
        assertThat(EmbeddedDatabaseFile.of(url)).isEmpty();
    }
}
