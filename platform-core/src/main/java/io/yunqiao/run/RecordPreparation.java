package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;

/** Maps and validates staged records for one solution version; safe to call from several threads. */
interface RecordPreparation {

    Prepared prepare(JsonNode record);
}
