/**
 * Smart suggestions (智能映射): {@link io.yunqiao.suggestion.MappingSuggester} proposes, for each field of a target
 * operation, the source field that probably holds its value, with a confidence and reasons a person can read
 * ({@link io.yunqiao.suggestion.Suggestion}). It compares names and Chinese/English labels through the synonym
 * groups of {@code synonyms.properties} in this package's resources, and checks types and the shape of sample values.
 * No network service, no learning: the same input always gives the same suggestions.
 *
 * <p>Plain Java: the REST API and the screens build {@link io.yunqiao.suggestion.SourceField}s and
 * {@link io.yunqiao.suggestion.TargetField}s from operation definitions and sample records and call it.
 */
package io.yunqiao.suggestion;
