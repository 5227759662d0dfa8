package io.yunqiao.web.database;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Where an H2 JDBC URL keeps its files: only a file database (not mem:, tcp:, ssl:, ...) has any. */
final class EmbeddedDatabaseFile {

    private EmbeddedDatabaseFile() {
    }

    /**
     * The database's path without H2's suffixes, e.g. {@code ./data/yunqiao} for
     * {@code jdbc:h2:file:./data/yunqiao;MODE=...}; empty for any other URL.
     */
    static Optional<Path> of(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        if (settings >= 0) {
            rest = rest.substring(0, settings);
        }
        if (rest.toLowerCase(Locale.ROOT).startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (rest.matches("(?i)[a-z]{2,}:.*")) {
            // mem:, tcp:, ssl:, zip:, split:, nio...: no file of ours to protect
            return Optional.empty();
        }
        if (rest.isBlank()) {
            return Optional.empty();
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return Optional.of(Path.of(rest));
    }
}
