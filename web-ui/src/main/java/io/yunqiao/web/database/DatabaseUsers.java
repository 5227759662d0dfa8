package io.yunqiao.web.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the embedded database's two accounts in place before anything else opens it. The owner keeps H2's admin
 * rights (Flyway migrates as the owner); the application's user may only read and write the tables of schema
 * PUBLIC. H2 refuses FILE_READ, CSVREAD, RUNSCRIPT, SCRIPT, LINK_SCHEMA, CREATE ALIAS, CREATE TRIGGER and every
 * setting to a user without admin rights, so SQL that reaches the platform's connections cannot read the secrets
 * key file or run code.
 */
final class DatabaseUsers {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUsers.class);
    // org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD
    private static final int WRONG_USER_OR_PASSWORD = 28000;

    private DatabaseUsers() {
    }

    /**
     * Signs in as the owner with its password from the credentials file; a database of an older version (owner
     * with the configured password, by default {@code sa} with an empty one) is upgraded: the owner gets its random
     * password, and the application's user is created. Its tables and rows stay as they are.
     *
     * @param url            the H2 file URL
     * @param credentials    the two accounts
     * @param legacyPassword the password an older version used for the owner (spring.datasource.password)
     */
    static void prepare(String url, DatabaseCredentials credentials, String legacyPassword) {
        try (Connection owner = signInAsOwner(url, credentials, legacyPassword);
                Statement sql = owner.createStatement()) {
            String user = credentials.applicationUser();
            // Names and passwords are checked against [A-Za-z0-9_-]: no escaping is needed in these literals.
            sql.execute("CREATE USER IF NOT EXISTS " + user + " PASSWORD '" + credentials.applicationPassword()
                    + "'");
            sql.execute("ALTER USER " + user + " SET PASSWORD '" + credentials.applicationPassword() + "'");
            sql.execute("ALTER USER " + user + " ADMIN FALSE");
            // on the schema: the tables later migrations add are covered too
            sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO " + user);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the accounts of the embedded database " + url + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Makes every commit reach the database file before it returns (H2 otherwise writes committed changes up to
     * 500 ms later), so a killed process (kill -9) loses no outcome the engine recorded. The setting needs admin
     * rights, so the platform's own user cannot take it from its URL; and it lives only as long as the open
     * database (measured: a stored {@code SET WRITE_DELAY 0} does not survive a reopen). So the owner sets it and
     * its session stays open while the platform runs, which keeps the database, and the setting, open.
     *
     * @return the owner's session: close it only after the platform's own connections
     */
    static Connection durableCommits(String url, String user, String password) {
        try {
            Connection owner = DriverManager.getConnection(url, user, password);
            try (Statement sql = owner.createStatement()) {
                sql.execute("SET WRITE_DELAY 0");
            } catch (SQLException e) {
                owner.close();
                throw e;
            }
            return owner;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the embedded database " + url + ": " + e.getMessage(), e);
        }
    }

    private static Connection signInAsOwner(String url, DatabaseCredentials credentials, String legacyPassword)
            throws SQLException {
        try {
            return DriverManager.getConnection(url, credentials.ownerUser(), credentials.ownerPassword());
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                throw e;
            }
        }
        Connection legacy;
        try {
            legacy = DriverManager.getConnection(url, credentials.ownerUser(),
                    legacyPassword == null ? "" : legacyPassword);
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                throw e;
            }
            throw new IllegalStateException("the embedded database " + url + " refuses its owner "
                    + credentials.ownerUser() + " with the password of the credentials file: the file belongs to"
                    + " another database or is out of date; restore the file that was backed up with this database"
                    + " (docs/operations.md)", e);
        }
        try (Statement sql = legacy.createStatement()) {
            sql.execute("ALTER USER " + credentials.ownerUser() + " SET PASSWORD '" + credentials.ownerPassword()
                    + "'");
        } catch (SQLException e) {
            legacy.close();
            throw e;
        }
        LOG.warn("Upgraded the embedded database {}: its owner {} now has a random password and the platform signs"
                + " in as {}, which has no admin rights (docs/operations.md).", url, credentials.ownerUser(),
                credentials.applicationUser());
        return legacy;
    }
}
