package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.function.LongFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Stored content and JSON, both ways: the one place that knows how content is stored. Records staged since V8 are
 * UTF-8 JSON compressed with zstd, with their solution's dictionary once it has one; records staged before keep
 * their text, read as it is (docs/operations.md, "Staging and compression").
 */
@Component
class StagedContents {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final String CONTENT_UNREADABLE = "problem.engine.contentUnreadable";

    private final LongFunction<CompressedText.Dictionary> dictionaries;

    @Autowired
    StagedContents(ContentDictionaries dictionaries) {
        this(dictionaries::byId);
    }

    /** @param dictionaries the stored dictionary of an id */
    StagedContents(LongFunction<CompressedText.Dictionary> dictionaries) {
        this.dictionaries = dictionaries;
    }

    /** What is stored for a record: its content serialized once, compressed. */
    record Stored(byte[] compressed, Long dictionaryId) {
    }

    /** The JSON of records about to be staged, as stored (UTF-8, the keys in the order fetched). */
    static byte[] json(JsonNode record) {
        try {
            return JSON.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new CompressedText.Unreadable("the record could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Compresses a record's JSON with the dictionary given (or none). */
    static Stored compress(byte[] json, CompressedText.Dictionary dictionary) {
        return new Stored(CompressedText.compress(json, dictionary), dictionary == null ? null : dictionary.id());
    }

    /**
     * A staged record's content.
     *
     * @throws CompressedText.Unreadable when the stored content cannot be decompressed or is not JSON
     */
    JsonNode read(SourceRecord record) {
        try {
            return read(record.getContentZ(), record.getDictionaryId(), record.getContent());
        } catch (CompressedText.Unreadable e) {
            if (!CONTENT_UNREADABLE.equals(e.code())) {
                throw e;
            }
            throw new CompressedText.Unreadable("problem.engine.recordUnreadable", e, String.valueOf(record.getId()),
                    record.getSourceKey(), e.params()[0]);
        }
    }

    /**
     * Content as stored in the columns {@code content_z}, {@code dictionary_id} and {@code content}.
     *
     * @throws CompressedText.Unreadable when it cannot be decompressed or is not JSON
     */
    JsonNode read(byte[] compressed, Long dictionaryId, String text) {
        try {
            if (compressed != null) {
                return JSON.readTree(CompressedText.decompress(compressed,
                        dictionaryId == null ? null : dictionaries.apply(dictionaryId)));
            }
            if (text != null) {
                return JSON.readTree(text);
            }
        } catch (IOException e) {
            throw new CompressedText.Unreadable("the stored content is not JSON", e);
        }
        throw new CompressedText.Unreadable("no content is stored", null);
    }
}
