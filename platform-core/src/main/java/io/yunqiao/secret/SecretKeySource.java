package io.yunqiao.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the secrets key comes from, in order: the Base64 value of {@code yunqiao.secrets.key} (e.g. from the
 * environment variable {@code YUNQIAO_SECRETS_KEY}); else the key file {@code yunqiao.secrets.key-file}; when that
 * file does not exist and generating is allowed (the embedded default), a new key is written to it with a warning.
 * The key file is owner-only (0600): a new one from its first byte, an existing one is tightened.
 */
public final class SecretKeySource {

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeySource.class);

    private SecretKeySource() {
    }

    /**
     * @param base64Key    the configured key, or {@code null}/blank
     * @param keyFile      the key file, or {@code null}
     * @param generateMissing whether a missing key file may be created
     */
    public static byte[] load(String base64Key, Path keyFile, boolean generateMissing) {
        if (base64Key != null && !base64Key.isBlank()) {
            return decode(base64Key.trim(), "yunqiao.secrets.key");
        }
        if (keyFile == null) {
            throw new IllegalStateException("no secrets key is configured: set yunqiao.secrets.key (Base64 of 32"
                    + " bytes, e.g. env YUNQIAO_SECRETS_KEY) or yunqiao.secrets.key-file");
        }
        try {
            if (Files.exists(keyFile)) {
                restrict(keyFile);
                return decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim(), keyFile.toString());
            }
            if (!generateMissing) {
                throw new IllegalStateException("the secrets key file " + keyFile.toAbsolutePath() + " does not exist;"
                        + " create it (head -c 32 /dev/urandom | base64 > FILE) or set yunqiao.secrets.key");
            }
            byte[] raw = SecretBox.newKey();
            Path dir = keyFile.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                OwnerOnly.directory(dir);
            }
            // 0600 from the first byte: never a moment where another account could read the new key
            OwnerOnly.createFile(keyFile, (Base64.getEncoder().encodeToString(raw) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            LOG.warn("Generated a new secrets key in {}. Connection secrets are encrypted with it: back it up with"
                    + " the database, and in production provide yunqiao.secrets.key or a key file instead"
                    + " (docs/solutions.md).", keyFile.toAbsolutePath());
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the secrets key file " + keyFile, e);
        }
    }

    /** A key file an older version wrote, or an operator copied, readable by others: made owner-only. */
    private static void restrict(Path keyFile) {
        if (!OwnerOnly.posix(keyFile)) {
            return;
        }
        try {
            if (!Files.getPosixFilePermissions(keyFile).equals(OwnerOnly.FILE)) {
                Files.setPosixFilePermissions(keyFile, OwnerOnly.FILE);
                LOG.warn("the secrets key file {} was open to other accounts: restricted to its owner (0600)",
                        keyFile.toAbsolutePath());
            }
        } catch (IOException e) {
            LOG.warn("could not restrict the permissions of {}: {}", keyFile, e.getMessage());
        }
    }

    private static byte[] decode(String base64, String where) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the secrets key in " + where + " is not valid Base64", e);
        }
    }
}
