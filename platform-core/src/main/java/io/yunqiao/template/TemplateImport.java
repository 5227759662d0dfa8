package io.yunqiao.template;

/**
 * What importing a template file did.
 *
 * @param template the template as stored (or as it already was)
 * @param outcome  what became of the file
 */
public record TemplateImport(SolutionTemplate template, Outcome outcome) {

    /** What became of an imported file. */
    public enum Outcome {
        /** A new template. */
        CREATED,
        /** A new version of a template this installation already had, as asked. */
        NEW_VERSION,
        /** This installation already had exactly this text as a version: nothing was stored. */
        ALREADY_PRESENT
    }
}
