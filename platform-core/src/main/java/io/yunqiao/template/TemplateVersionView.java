package io.yunqiao.template;

import java.time.Instant;

/**
 * One version of a template as its history lists it.
 *
 * @param version     the number
 * @param origin      published here, imported from a file, or built in
 * @param publishedBy who; {@code null} for a built-in template
 * @param publishedAt when; {@code null} for a built-in template
 * @param note        what changed (版本说明)
 * @param copies      solutions ever copied from this version (deleted ones included)
 * @param inUse       of those, the solutions that still exist
 */
public record TemplateVersionView(int version, TemplateOrigin origin, String publishedBy, Instant publishedAt,
        String note, long copies, long inUse) {
}
