package io.yunqiao.web.database;

import io.yunqiao.secret.OwnerOnly;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The two accounts of the embedded database, kept in an owner-only (0600) properties file: the owner (an H2 admin,
 * used by Flyway and by support) and the application's user (rights on the tables only).
 *
 * @param ownerUser           the H2 admin
 * @param ownerPassword       its random password
 * @param applicationUser     the user the platform's connection pool signs in as
 * @param applicationPassword its random password
 */
record DatabaseCredentials(String ownerUser, String ownerPassword, String applicationUser,
        String applicationPassword) {

    static final String APPLICATION_USER = "YUNQIAO_APP";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    // random passwords are Base64url: they can go into H2's SQL as a literal without any escaping
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    DatabaseCredentials {
        require(NAME, ownerUser, "owner.user");
        require(PASSWORD, ownerPassword, "owner.password");
        require(NAME, applicationUser, "application.user");
        require(PASSWORD, applicationPassword, "application.password");
        if (ownerUser.equalsIgnoreCase(applicationUser)) {
            throw new IllegalStateException("the database owner and the application's user must differ, both are "
                    + ownerUser);
        }
    }

    /** New random passwords for the given owner (the configured database user of an older version). */
    static DatabaseCredentials generate(String ownerUser) {
        return new DatabaseCredentials(ownerUser, randomPassword(), APPLICATION_USER, randomPassword());
    }

    /** Reads the file, or creates it (0600 from its first byte) with new passwords for the given owner. */
    static DatabaseCredentials loadOrCreate(Path file, String ownerUser) {
        try {
            if (Files.exists(file)) {
                Properties values = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                    values.load(in);
                }
                try {
                    return new DatabaseCredentials(values.getProperty("owner.user"),
                            values.getProperty("owner.password"), values.getProperty("application.user"),
                            values.getProperty("application.password"));
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("the database credentials file " + file.toAbsolutePath()
                            + " is damaged (" + e.getMessage() + "): restore it from the backup", e);
                }
            }
            DatabaseCredentials created = generate(ownerUser);
            OwnerOnly.createFile(file, created.text().getBytes(StandardCharsets.ISO_8859_1));
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the database credentials file "
                    + file.toAbsolutePath(), e);
        }
    }

    private String text() throws IOException {
        Properties values = new Properties();
        values.setProperty("owner.user", ownerUser);
        values.setProperty("owner.password", ownerPassword);
        values.setProperty("application.user", applicationUser);
        values.setProperty("application.password", applicationPassword);
        StringWriter out = new StringWriter();
        values.store(out, "Yunqiao's embedded database accounts (docs/operations.md). The owner is for support"
                + " with the platform stopped; keep this file owner-only and back it up with the database.");
        return out.toString();
    }

    private static String randomPassword() {
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static void require(Pattern pattern, String value, String key) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalStateException(key + " is missing or not of the form " + pattern.pattern());
        }
    }

    @Override
    public String toString() {
        // never the passwords, wherever a record ends up printed
        return "DatabaseCredentials[owner=" + ownerUser + ", application=" + applicationUser + "]";
    }
}
