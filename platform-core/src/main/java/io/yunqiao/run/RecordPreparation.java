package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;

/** Maps and validates staged records for one solution version; safe to call from several threads. */
interface RecordPreparation {

    Prepared prepare(JsonNode record);

    /** What "already exists" from the target means for the version's records; {@link ExistingPolicy#FAIL} if unset. */
    default ExistingPolicy existing() {
        return ExistingPolicy.FAIL;
    }
}
