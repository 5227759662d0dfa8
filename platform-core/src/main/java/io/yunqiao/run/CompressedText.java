package io.yunqiao.run;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdDictTrainer;
import com.github.luben.zstd.ZstdException;
import io.yunqiao.problem.Problem;
import java.util.List;

/**
 * Text stored compressed (zstd): staged content and record-log bodies are JSON, which shrinks several times, and
 * the database's size is what an operator pays for every record kept.
 */
final class CompressedText {

    /** zstd's default level: fast enough to stay off the engine's critical path, most of the gain of higher ones. */
    private static final int LEVEL = 3;

    private CompressedText() {
    }

    /**
     * {@code plain} (e.g. a record's UTF-8 JSON) compressed with a dictionary trained on similar content: a record
     * of a few kilobytes shrinks to a few hundred bytes, where alone it would keep most of its field names.
     *
     * @param dictionary {@code null} for plain zstd
     */
    static byte[] compress(byte[] plain, Dictionary dictionary) {
        try {
            return dictionary == null ? Zstd.compress(plain, LEVEL) : Zstd.compress(plain, dictionary.compressing());
        } catch (ZstdException e) {
            throw new Unreadable("compressing " + plain.length + " bytes failed: " + e.getMessage(), e);
        }
    }

    /**
     * The bytes {@link #compress(byte[], Dictionary)} was given.
     *
     * @param dictionary the dictionary it was compressed with, {@code null} for none
     */
    static byte[] decompress(byte[] data, Dictionary dictionary) {
        try {
            long size = Zstd.getFrameContentSize(data);
            if (size < 0 || size > Integer.MAX_VALUE - 16) {
                throw new Unreadable("the stored content is not a zstd frame with a known size", null);
            }
            return dictionary == null ? Zstd.decompress(data, (int) size)
                    : Zstd.decompress(data, dictionary.decompressing(), (int) size);
        } catch (ZstdException e) {
            throw new Unreadable("decompressing " + data.length + " bytes failed: " + e.getMessage()
                    + (dictionary == null ? "" : " (dictionary " + dictionary.id() + ")"), e);
        }
    }

    /**
     * A dictionary trained on {@code samples}, at most {@code maxBytes} long, or {@code null} when zstd finds
     * nothing to learn (too few or too small samples): content is then compressed without one.
     */
    static byte[] train(List<byte[]> samples, int maxBytes) {
        long total = samples.stream().mapToLong(sample -> sample.length).sum();
        // zstd learns best from samples about ten times the dictionary's size; a tiny dictionary is not worth it
        int size = (int) Math.min(maxBytes, total / 10);
        if (size < 1024 || total > Integer.MAX_VALUE) {
            return null;
        }
        ZstdDictTrainer trainer = new ZstdDictTrainer((int) total, size);
        samples.forEach(trainer::addSample);
        try {
            return trainer.trainSamples();
        } catch (ZstdException e) {
            return null;
        }
    }

    /** A trained dictionary, prepared once for both directions (preparing it costs more than using it). */
    record Dictionary(long id, ZstdDictCompress compressing, ZstdDictDecompress decompressing) {

        static Dictionary of(long id, byte[] trained) {
            // zstd would take any bytes as a raw-content dictionary: only a trained one (magic number, id) is ours
            if (Zstd.getDictIdFromDict(trained) == 0) {
                throw new Unreadable("problem.engine.dictionaryUnreadable", null, String.valueOf(id),
                        "not a trained zstd dictionary");
            }
            try {
                return new Dictionary(id, new ZstdDictCompress(trained, LEVEL), new ZstdDictDecompress(trained));
            } catch (RuntimeException e) {
                // zstd-jni answers a corrupt dictionary with ZstdException or IllegalStateException
                throw new Unreadable("problem.engine.dictionaryUnreadable", e, String.valueOf(id),
                        "not a zstd dictionary: " + e.getMessage());
            }
        }
    }

    /**
     * Content that could not be compressed or read back: a run meeting it ends FAILED, nothing is lost. A coded
     * problem ({@code problem.engine.*}), so the reason reads in the reader's language and names no class.
     */
    static final class Unreadable extends Problem {

        private static final long serialVersionUID = 1L;

        Unreadable(String detail, Throwable cause) {
            this("problem.engine.contentUnreadable", cause, detail);
        }

        Unreadable(String code, Throwable cause, Object... params) {
            super(Kind.CONFLICT, null, code, params);
            if (cause != null) {
                initCause(cause);
            }
        }
    }
}
