package io.yunqiao.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.ExecuteResult;
import io.yunqiao.connector.OperationDefinition;
import io.yunqiao.connector.Presence;
import io.yunqiao.mapping.Mapping;
import io.yunqiao.mapping.MappingContext;
import io.yunqiao.mapping.MappingResult;
import io.yunqiao.mapping.TargetValidator;
import io.yunqiao.problem.StoredMessage;
import io.yunqiao.solution.SolutionSpec.Existing.Policy;
import java.util.List;

/**
 * A solution version's already-exists policy, compiled once with its mapping: what a record becomes when the target
 * answers "already exists" although no earlier attempt of the record may have created it (the target holds it from
 * elsewhere, e.g. another solution or a person). FAIL keeps the target's refusal; SKIP counts the record as skipped
 * (已存在); UPDATE maps the record with the update mapping and sends it through the update operation, on the same
 * connection with the same rate limit and retries, and the record ends as that update ends.
 */
final class ExistingPolicy {

    /** What every solution did before the policy: the refusal stands. */
    static final ExistingPolicy FAIL = new ExistingPolicy(Policy.FAIL, null, null, null, null);

    /** The target side a policy sends its update through (the writer's connection, limiter and retry). */
    interface Sender {

        /** Sends {@code body} to {@code operation} with the rate limit and retries of the write. */
        ExecuteResult send(String operation, JsonNode body);

        /**
         * Whether an attempt of this record may have been applied so far, the update's included.
         */
        boolean mayHaveBeenSent();

        /** Asks the target whether {@code body} is stored, through {@code operation}'s declared look-up. */
        Presence lookUp(String operation, JsonNode body);
    }

    /**
     * What the policy made of a refused record.
     *
     * @param status     SKIPPED, SUCCESS, FAILED or UNCONFIRMED
     * @param request    what was sent last: the update's request, or the refused one
     * @param response   the answer to it
     * @param errorClass the class of the error a failed record ends with, or {@code null}
     * @param vendorCode the vendor's code of the last answer
     * @param message    a stored coded message (see {@link StoredMessage}) that says why
     */
    record Settled(RecordStatus status, String request, String response, String errorClass, String vendorCode,
            String message) {
    }

    private final Policy policy;
    private final String operation;
    private final Mapping mapping;
    private final OperationDefinition definition;
    private final MappingContext context;

    ExistingPolicy(Policy policy, String operation, Mapping mapping, OperationDefinition definition,
            MappingContext context) {
        this.policy = policy;
        this.operation = operation;
        this.mapping = mapping;
        this.definition = definition;
        this.context = context;
    }

    Policy policy() {
        return policy;
    }

    /**
     * Whether this policy settles {@code answer}: "already exists" for a record no attempt of which may have been
     * applied (one that may have been is written already, see {@link RecordWriter#verdict}), under SKIP or UPDATE.
     */
    boolean settles(ExecuteResult answer, boolean mayHaveBeenSent) {
        return policy != Policy.FAIL && !answer.success() && answer.errorClass() == ErrorClass.ALREADY_EXISTS
                && !mayHaveBeenSent;
    }

    /**
     * The prepared record with what the update needs later: the record the mapping saw, kept only under UPDATE and
     * only for a record that can be sent at all.
     */
    Prepared keep(JsonNode record, Prepared prepared) {
        return policy == Policy.UPDATE && prepared.sendable() ? prepared.withSource(record) : prepared;
    }

    /** Settles a record whose main request the target refused as already existing ({@link #settles}). */
    Settled settle(Prepared prepared, ExecuteResult refused, Sender sender) {
        String request = refused.request() != null ? refused.request()
                : prepared.body() == null ? null : prepared.body().toString();
        String targetSaid = refused.message();
        if (policy == Policy.SKIP) {
            return new Settled(RecordStatus.SKIPPED, request, refused.response(), null, refused.vendorCode(),
                    StoredMessage.of("record.existing.skipped", targetSaid).store());
        }
        MappingResult mapped = mapping.evaluate(prepared.source(), context);
        if (mapped.isFailure() || !mapped.hasOutput() || !mapped.output().isObject()) {
            return new Settled(RecordStatus.FAILED, request, refused.response(), ErrorClass.VALIDATION.name(),
                    refused.vendorCode(), mapped.isFailure()
                            ? StoredMessage.of("record.existing.updateInvalid", targetSaid, operation, mapped.error())
                                    .store()
                            : StoredMessage.of("record.existing.updateNoObject", targetSaid, operation).store());
        }
        JsonNode body = mapped.output();
        List<TargetValidator.FieldProblem> found = TargetValidator.validate(body, definition);
        String problems = found.isEmpty() ? "" : TargetValidator.stored(found);
        if (!problems.isEmpty()) {
            // the invalid update body is what the log shows: that is what the user fixes
            return new Settled(RecordStatus.FAILED, body.toString(), refused.response(),
                    ErrorClass.VALIDATION.name(), refused.vendorCode(),
                    StoredMessage.of("record.existing.updateInvalid", targetSaid, operation, problems).store());
        }
        ExecuteResult answer = sender.send(operation, body);
        JsonNode sent = body;
        RecordWriter.Verdict verdict = RecordWriter.verdict(answer, sender.mayHaveBeenSent(),
                () -> sender.lookUp(operation, sent));
        String updateRequest = answer.request() != null ? answer.request() : body.toString();
        return switch (verdict.status()) {
            case SUCCESS -> new Settled(RecordStatus.SUCCESS, updateRequest, answer.response(), null,
                    answer.vendorCode(), StoredMessage.of("record.existing.updated", targetSaid, operation).store());
            case UNCONFIRMED -> new Settled(RecordStatus.UNCONFIRMED, updateRequest, answer.response(),
                    answer.errorClass() == null ? null : answer.errorClass().name(), answer.vendorCode(),
                    StoredMessage.of("record.existing.updateUnconfirmed", targetSaid, operation, verdict.message())
                            .store());
            default -> new Settled(RecordStatus.FAILED, updateRequest, answer.response(),
                    answer.errorClass() == null ? null : answer.errorClass().name(), answer.vendorCode(),
                    StoredMessage.of("record.existing.updateFailed", targetSaid, operation, verdict.message())
                            .store());
        };
    }
}
