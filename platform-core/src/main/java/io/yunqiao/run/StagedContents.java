package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/** Reads a staged record's content back as JSON: the one place that knows how content is stored. */
@Component
class StagedContents {

    JsonNode read(SourceRecord record) {
        return RecordWriter.read(record.getContent());
    }
}
