package io.yunqiao.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts connection secrets at rest with AES-256-GCM. Each value gets a fresh 96-bit nonce; the stored text is
 * {@code v1:} + Base64(nonce ‖ ciphertext ‖ tag), so a later key or algorithm change can be told apart.
 */
public final class SecretBox {

    /** How every sealed text starts. */
    public static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param rawKey 32 bytes (AES-256)
     */
    public SecretBox(byte[] rawKey) {
        if (rawKey == null || rawKey.length != 32) {
            throw new IllegalArgumentException("the secrets key must be 32 bytes (AES-256), was "
                    + (rawKey == null ? "none" : rawKey.length + " bytes")
                    + "; generate one with: head -c 32 /dev/urandom | base64");
        }
        this.key = new SecretKeySpec(rawKey.clone(), "AES");
    }

    /** A new random 256-bit key. */
    public static byte[] newKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return raw;
    }

    public String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * @throws SecretKeyMismatchException when the text was sealed with another key or was altered
     */
    public String decrypt(String sealedText) {
        if (sealedText == null || !sealedText.startsWith(PREFIX)) {
            throw new SecretKeyMismatchException("an encrypted secret has an unknown format (expected '" + PREFIX
                    + "…')");
        }
        byte[] all = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretKeyMismatchException("a stored secret cannot be decrypted with the configured key: the"
                    + " key changed since it was saved, or the data was altered. Restore the old key"
                    + " (yunqiao.secrets.key or yunqiao.secrets.key-file) or enter the secret again", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }
}
