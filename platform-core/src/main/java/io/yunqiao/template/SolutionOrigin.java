package io.yunqiao.template;

/**
 * The template a solution was copied from (来自模板), and whether a newer version of it exists.
 *
 * @param templateId    the template's id
 * @param version       the version the solution was copied from (or last adopted)
 * @param title         the template's current title in Chinese and English; {@code null} when it was deleted
 * @param latestVersion the template's current version; 0 when it was deleted
 */
public record SolutionOrigin(String templateId, int version, io.yunqiao.connector.LocalizedText title,
        int latestVersion) {

    /** Whether the template still exists on this installation. */
    public boolean exists() {
        return title != null;
    }

    /** Whether a newer version than the one the solution follows exists. */
    public boolean newerExists() {
        return latestVersion > version;
    }
}
