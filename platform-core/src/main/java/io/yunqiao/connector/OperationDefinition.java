package io.yunqiao.connector;

import java.util.List;
import java.util.Optional;

/**
 * One API of a connector (接口), declared in its definition file.
 *
 * @param id          the vendor's name for the API, e.g. {@code erp/orders/list} or {@code crm.customer.add}
 * @param role        QUERY (a source) or EXECUTE (a target)
 * @param title       what users see in pickers
 * @param description longer help
 * @param request     method, path and body style
 * @param records     QUERY: dotted path of the record list (or single record) in the answer, e.g. {@code data.rows}
 * @param key         QUERY: the primary-key field (主键), used for dedupe
 * @param code        QUERY: a display-code field (编码), shown in logs
 * @param result      EXECUTE: dotted path of the created record's id in a successful answer
 * @param paging      QUERY: how pages are requested and recognised as last; absent for unpaged queries (a
 *                    declared {@code type: none} is read as absent)
 * @param window      QUERY: which parameters take the incremental window
 * @param success     the conditions that make an answer a success; inherits the connector's when empty
 * @param errors      classification of failed answers, refining the connector's
 * @param params      QUERY: request parameters
 * @param fields      QUERY: fields of a record; EXECUTE: fields of the request body
 * @param lookUp      EXECUTE: how to ask the target whether a request whose answer was lost was applied; may be
 *                    absent
 * @param rows        QUERY: how rows answered as arrays become records; absent when records are objects
 * @param identity    EXECUTE: the request field by which the target recognises a record (e.g. a customer code): a
 *                    second add with the same value is answered "already exists"; absent when the target does not
 *                    say. Editors use it to propose a dedupe key and an already-exists policy
 * @param update      EXECUTE, with {@code identity} only: the id of the EXECUTE operation of the same connector that
 *                    changes the existing record of an identity value (it has the identity field too); may be absent
 */
public record OperationDefinition(
        String id,
        OperationRole role,
        LocalizedText title,
        LocalizedText description,
        RequestSpec request,
        String records,
        String key,
        String code,
        String result,
        PagingSpec paging,
        WindowSpec window,
        List<SuccessCondition> success,
        ErrorRules errors,
        List<ParamDefinition> params,
        List<FieldDefinition> fields,
        LookUpSpec lookUp,
        RowsSpec rows,
        String identity,
        String update) {

    public OperationDefinition {
        paging = paging != null && paging.type() == PagingType.NONE ? null : paging;
        success = success == null ? List.of() : List.copyOf(success);
        params = params == null ? List.of() : List.copyOf(params);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** An operation that declares no identity (the shape before identities were declared). */
    public OperationDefinition(String id, OperationRole role, LocalizedText title, LocalizedText description,
            RequestSpec request, String records, String key, String code, String result, PagingSpec paging,
            WindowSpec window, List<SuccessCondition> success, ErrorRules errors, List<ParamDefinition> params,
            List<FieldDefinition> fields, LookUpSpec lookUp, RowsSpec rows) {
        this(id, role, title, description, request, records, key, code, result, paging, window, success, errors,
                params, fields, lookUp, rows, null, null);
    }

    /** The declared identity field, when the target says how it recognises a record. */
    public Optional<FieldDefinition> identityField() {
        return identity == null ? Optional.empty() : field(identity);
    }

    public Optional<ParamDefinition> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<FieldDefinition> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The top-level fields, the roots of the field tree. */
    public List<FieldDefinition> topLevelFields() {
        return fields.stream().filter(f -> f.parent() == null).toList();
    }

    /** The fields directly under {@code parent}. */
    public List<FieldDefinition> childrenOf(String parent) {
        return fields.stream().filter(f -> parent.equals(f.parent())).toList();
    }
}
