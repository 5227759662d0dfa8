/**
 * Field mapping (字段映射): a JSONata expression turns one source record into one target request body.
 *
 * <p>{@link io.yunqiao.mapping.MappingEngine} compiles an expression once (per solution version) into a
 * {@link io.yunqiao.mapping.Mapping}, which is evaluated per record from any number of threads and answers a
 * {@link io.yunqiao.mapping.MappingResult} — an output, no output, or a record error, never an exception.
 * {@link io.yunqiao.mapping.MappingEngines} picks an engine by its configuration id; every engine offers the same
 * extra functions ({@code $valueMap}, {@code $lookup}, the Asia/Shanghai date helpers), fed by a
 * {@link io.yunqiao.mapping.MappingContext}. {@link io.yunqiao.mapping.TargetValidator} checks a mapped body against
 * the fields of the target operation.
 *
 * <p>Plain Java on purpose: no Spring here, so everything is testable without an application context.
 */
package io.yunqiao.mapping;
