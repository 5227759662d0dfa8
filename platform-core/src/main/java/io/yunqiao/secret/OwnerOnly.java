package io.yunqiao.secret;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files and directories only the account running Yunqiao may read: directories {@code rwx------} (0700), files
 * {@code rw-------} (0600). Where the file system has no POSIX permissions (Windows), a warning is logged and
 * nothing else happens: protect the directory with its ACL there.
 */
public final class OwnerOnly {

    /** 0700. */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    /** 0600. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);

    private OwnerOnly() {
    }

    /**
     * Creates the directory (and missing parents) owner-only, or tightens an existing one: the directory becomes
     * 0700 and every file in it 0600, every directory in it 0700. Symbolic links are left alone (their targets are
     * not ours to change). A directory others may write to (such as /tmp), the home directory, the working directory
     * and their parents are never tightened: a warning asks for a directory of Yunqiao's own.
     */
    public static void directory(Path dir) {
        if (!posix(dir)) {
            LOG.warn("the file system of {} has no POSIX permissions: restrict it to the account running Yunqiao"
                    + " with its ACL", dir.toAbsolutePath());
            createDirectories(dir, List.of());
            return;
        }
        createDirectories(dir, List.of(PosixFilePermissions.asFileAttribute(DIRECTORY)));
        // the directory itself may be a link the operator set up (./data -> /srv/yunqiao): its target is meant
        Path absolute = realPath(dir);
        if (shared(absolute)) {
            LOG.warn("{} is shared (writable by others, or the home or working directory or one of their"
                    + " parents): its permissions are left as they are; give Yunqiao's data a directory of its own",
                    absolute);
            return;
        }
        try (Stream<Path> tree = Files.walk(absolute)) {
            tree.forEach(OwnerOnly::tighten);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + absolute, e);
        } catch (UncheckedIOException e) {
            LOG.warn("could not tighten everything in {}: {}", absolute, e.getMessage());
        }
    }

    /**
     * Writes a new file that is owner-only from its first byte: the content goes to a 0600 temporary file in the
     * same directory, which is then renamed atomically. A crash leaves either no file or the whole one.
     *
     * @throws FileAlreadyExistsException when the file exists
     */
    public static void createFile(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        boolean posix = posix(dir);
        if (!posix) {
            LOG.warn("the file system of {} has no POSIX permissions: restrict {} to the account running Yunqiao"
                    + " with its ACL", dir, file.getFileName());
        }
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(dir, "." + file.getFileName(), ".new", attributes);
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC)) {
                out.write(content);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Whether the file system holding this path has POSIX permissions (not so on Windows). */
    public static boolean posix(Path path) {
        FileSystem fileSystem = path.getFileSystem();
        return fileSystem.supportedFileAttributeViews().contains("posix");
    }

    private static void createDirectories(Path dir, List<FileAttribute<?>> attributes) {
        try {
            Files.createDirectories(dir, attributes.toArray(FileAttribute<?>[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory " + dir.toAbsolutePath(), e);
        }
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + dir.toAbsolutePath(), e);
        }
    }

    private static Path realPathOrAbsolute(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static boolean shared(Path absolute) {
        Path home = realPathOrAbsolute(Path.of(System.getProperty("user.home")));
        Path workingDirectory = realPathOrAbsolute(Path.of(""));
        if (home.startsWith(absolute) || workingDirectory.startsWith(absolute)) {
            return true;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(absolute);
            return permissions.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + absolute, e);
        }
    }

    private static void tighten(Path path) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> wanted;
            if (attributes.isDirectory()) {
                wanted = DIRECTORY;
            } else if (attributes.isRegularFile()) {
                wanted = FILE;
            } else {
                return;
            }
            if (!attributes.permissions().equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
                LOG.info("restricted {} to its owner ({})", path, PosixFilePermissions.toString(wanted));
            }
        } catch (IOException e) {
            LOG.warn("could not restrict {} to its owner: {}", path, e.getMessage());
        }
    }
}
