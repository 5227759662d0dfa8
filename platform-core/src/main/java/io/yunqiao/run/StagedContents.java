package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
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
    private final SourceContentRepository stored;

    @Autowired
    StagedContents(ContentDictionaries dictionaries, SourceContentRepository stored) {
        this(dictionaries::byId, stored);
    }

    /**
     * @param dictionaries the stored dictionary of an id
     * @param stored       where the contents of records are
     */
    StagedContents(LongFunction<CompressedText.Dictionary> dictionaries, SourceContentRepository stored) {
        this.dictionaries = dictionaries;
        this.stored = stored;
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
        return reader(List.of(record)).apply(record);
    }

    /**
     * A staged record's content, or empty when none is kept: the clean-up removes the content of records written
     * more than the solution's content days ago (docs/operations.md, "Retention").
     */
    Optional<JsonNode> readIfKept(SourceRecord record) {
        if (record.getContent() == null && !stored.existsById(record.getId())) {
            return Optional.empty();
        }
        return Optional.of(read(record));
    }

    /**
     * Reads the contents of a batch of records with one query, made when the first is asked for (so that a caller
     * handles its failure where it handles a content that cannot be read). For one thread.
     *
     * @return a record's content; the function throws {@link CompressedText.Unreadable} when it cannot be
     *         decompressed or is not JSON
     */
    Function<SourceRecord, JsonNode> reader(Collection<SourceRecord> records) {
        return new Function<>() {

            private Map<Long, SourceContent> byId;

            @Override
            public JsonNode apply(SourceRecord record) {
                if (byId == null) {
                    // records staged before V8 keep their text in their own row
                    byId = stored.findAllById(records.stream().filter(r -> r.getContent() == null)
                            .map(SourceRecord::getId).toList()).stream()
                            .collect(Collectors.toMap(SourceContent::getId, Function.identity()));
                }
                return read(record, byId.get(record.getId()));
            }
        };
    }

    private JsonNode read(SourceRecord record, SourceContent content) {
        try {
            return read(content == null ? null : content.getContentZ(), content == null ? null
                    : content.getDictionaryId(), record.getContent());
        } catch (CompressedText.Unreadable e) {
            if (!CONTENT_UNREADABLE.equals(e.code())) {
                throw e;
            }
            throw new CompressedText.Unreadable("problem.engine.recordUnreadable", e, String.valueOf(record.getId()),
                    record.getSourceKey(), e.params()[0]);
        }
    }

    /**
     * Content as stored, or {@code null} when none is kept (a written record's, removed by the clean-up): what
     * look-ups read, where such a record is simply not found.
     */
    JsonNode readKept(byte[] compressed, Long dictionaryId, String text) {
        return compressed == null && text == null ? null : read(compressed, dictionaryId, text);
    }

    /**
     * Content as stored: {@code content_z} and {@code dictionary_id} of {@code yq_source_content}, or the text of a
     * record staged before V8 ({@code content}).
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
