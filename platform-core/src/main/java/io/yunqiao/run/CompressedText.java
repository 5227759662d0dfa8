package io.yunqiao.run;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.nio.charset.StandardCharsets;

/**
 * Text stored compressed (zstd): staged content and record-log bodies are JSON, which shrinks several times, and
 * the database's size is what an operator pays for every record kept.
 */
final class CompressedText {

    /** zstd's default level: fast enough to stay off the engine's critical path, most of the gain of higher ones. */
    private static final int LEVEL = 3;

    private CompressedText() {
    }

    static byte[] compress(String text) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        try {
            return Zstd.compress(plain, LEVEL);
        } catch (ZstdException e) {
            throw new Unreadable("compressing " + plain.length + " bytes failed: " + e.getMessage(), e);
        }
    }

    static String decompress(byte[] data) {
        try {
            long size = Zstd.getFrameContentSize(data);
            if (size < 0 || size > Integer.MAX_VALUE - 16) {
                throw new Unreadable("the stored content is not a zstd frame with a known size", null);
            }
            return new String(Zstd.decompress(data, (int) size), StandardCharsets.UTF_8);
        } catch (ZstdException e) {
            throw new Unreadable("decompressing " + data.length + " bytes failed: " + e.getMessage(), e);
        }
    }

    /** Content that could not be compressed or read back: a run meeting it ends FAILED, nothing is lost. */
    static final class Unreadable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
