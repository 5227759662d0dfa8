package io.yunqiao.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner-only directories and files: what an older version left open is closed, what is new is never open. */
class OwnerOnlyTest {

    @TempDir
    Path temp;

    @Test
    void aMissingDirectoryIsCreatedOwnerOnly() throws IOException {
        Path data = temp.resolve("data");

        OwnerOnly.directory(data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void anOlderOpenDirectoryAndEveryFileInItAreTightened() throws IOException {
        Path data = Files.createDirectory(temp.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path database = open(data.resolve("yunqiao.mv.db"));
        Path key = open(data.resolve("secret.key"));
        Path nested = Files.createDirectory(data.resolve("backup"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxr-x")));
        Path nestedFile = open(nested.resolve("old.zip"));

        OwnerOnly.directory(data);

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(nested)).isEqualTo("rwx------");
        assertThat(mode(database)).isEqualTo("rw-------");
        assertThat(mode(key)).isEqualTo("rw-------");
        assertThat(mode(nestedFile)).isEqualTo("rw-------");
    }

    @Test
    void aSymbolicLinkInTheDirectoryLeavesItsTargetAlone() throws IOException {
        Path elsewhere = open(temp.resolve("elsewhere.txt"));
        Path data = Files.createDirectory(temp.resolve("data"));
        Files.createSymbolicLink(data.resolve("link"), elsewhere);

        OwnerOnly.directory(data);

        assertThat(mode(elsewhere)).isEqualTo("rw-r--r--");
    }

    @Test
    void aDataDirectoryThatIsALinkHasItsTargetTightened() throws IOException {
        Path target = Files.createDirectory(temp.resolve("srv-yunqiao"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path database = open(target.resolve("yunqiao.mv.db"));
        Path data = Files.createSymbolicLink(temp.resolve("data"), target);

        OwnerOnly.directory(data);

        assertThat(mode(target)).isEqualTo("rwx------");
        assertThat(mode(database)).isEqualTo("rw-------");
    }

    @Test
    void aDirectoryOthersMayWriteToIsNotTightened() throws IOException {
        Path shared = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path someoneElses = open(shared.resolve("someone-elses.txt"));

        OwnerOnly.directory(shared);

        assertThat(mode(shared)).isEqualTo("rwxrwxrwx");
        assertThat(mode(someoneElses)).isEqualTo("rw-r--r--");
    }

    @Test
    void aNewFileIsOwnerOnlyAndHoldsTheWholeContent() throws IOException {
        Path key = temp.resolve("secret.key");

        OwnerOnly.createFile(key, "c2VjcmV0\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(mode(key)).isEqualTo("rw-------");
        assertThat(Files.readString(key)).isEqualTo("c2VjcmV0\n");
        try (var left = Files.list(temp)) {
            assertThat(left).containsExactly(key);
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        Path key = Files.writeString(temp.resolve("secret.key"), "old");

        assertThatThrownBy(() -> OwnerOnly.createFile(key, "new".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(key)).isEqualTo("old");
    }

    @Test
    void aGeneratedSecretsKeyFileIsOwnerOnlyInAnOwnerOnlyDirectory() throws IOException {
        Path key = temp.resolve("data").resolve("secret.key");

        byte[] raw = SecretKeySource.load(null, key, true);

        assertThat(mode(key)).isEqualTo("rw-------");
        assertThat(mode(key.getParent())).isEqualTo("rwx------");
        assertThat(Base64.getDecoder().decode(Files.readString(key).trim())).isEqualTo(raw);
    }

    @Test
    void anExistingSecretsKeyFileReadableByOthersIsTightenedWhenRead() throws IOException {
        Path key = open(temp.resolve("secret.key"));
        Files.writeString(key, "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\n");

        SecretKeySource.load(null, key, false);

        assertThat(mode(key)).isEqualTo("rw-------");
    }

    private static Path open(Path file) throws IOException {
        Files.createFile(file);
        Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-r--r--")));
        return file;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
