package io.yunqiao.solution;

import io.yunqiao.connector.LocalizedText;

/**
 * A ready solution without connections (方案模板), shipped by a connector plugin and copied with one click.
 *
 * @param id          stable identifier
 * @param title       what the gallery shows, e.g. "ERP purchase bills → CRM customers"
 * @param description what it does, in a sentence or two
 * @param solution    the spec; its connections are chosen when copying
 * @param source      where it was read from
 */
public record SolutionTemplate(String id, LocalizedText title, LocalizedText description, SolutionSpec solution,
        String source) {
}
