package io.yunqiao.connectorstore;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One saved version of a stored definition.
 *
 * @param id         the definition's id
 * @param version    the version number, from 1
 * @param extendsId  the connector it extends in that version, or {@code null}
 * @param format     how its text is written
 * @param definition the text as saved; {@code null} in version lists
 * @param note       the change note given when saving, or {@code null}
 * @param savedAt    when it was saved
 * @param savedBy    who saved it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredVersionView(String id, int version, String extendsId, DefinitionFormat format, String definition,
        String note, Instant savedAt, String savedBy) {
}
