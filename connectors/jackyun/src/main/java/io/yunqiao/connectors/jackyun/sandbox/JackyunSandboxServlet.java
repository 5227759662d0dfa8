package io.yunqiao.connectors.jackyun.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.sandbox.SandboxRequest;
import io.yunqiao.sandbox.SandboxServlet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Jackyun gateway at {@value #GATEWAY_PATH}: checks each call in the vendor's order (form POST, common
 * parameters, app key, sign, token, timestamp, subscription, rate), then runs the API. Every answer, refusals
 * included, is HTTP 200 with the envelope {@code {"code","msg","subCode","result":{"data","contextId"}}}.
 */
final class JackyunSandboxServlet extends SandboxServlet {

    private static final long serialVersionUID = 1L;

    static final String GATEWAY_PATH = "/open/openapi/do";
    static final int SUCCESS = 200;

    private static final List<String> COMMON_PARAMETERS = List.of("method", "appkey", "version", "contenttype",
            "timestamp", "bizcontent", "sign");

    private final transient GatewaySettings settings;
    private final transient Clock clock;
    private final transient CustomerStore customers = new CustomerStore();
    private final transient KeyedStore<Goods> goods = new KeyedStore<>(Goods.FIRST_ID, "货品编号", "goodsId",
            Goods::id);

    JackyunSandboxServlet(GatewaySettings settings, Clock clock) {
        super(settings.rateLimit(), "code", "subCode");
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void handle(SandboxRequest request, HttpServletResponse response) throws IOException {
        if (!GATEWAY_PATH.equals(request.path())) {
            writeJson(response, 404, Map.of("code", 404, "msg", "no such path " + request.path() + "; the gateway is"
                    + " at " + GATEWAY_PATH));
            return;
        }
        try {
            writeEnvelope(response, SUCCESS, "成功", "", answer(request));
        } catch (GatewayRefusal refusal) {
            writeEnvelope(response, refusal.code(), refusal.getMessage(), refusal.subCode(), null);
        }
    }

    private JsonNode answer(SandboxRequest request) {
        Map<String, String> form = checkedForm(request);
        String appKey = form.get("appkey");
        String appSecret = settings.secretOf(appKey);
        if (appSecret == null) {
            throw GatewayRefusal.unknownAppKey(appKey);
        }
        if (!GatewaySignature.verifies(form, appSecret, form.get("sign"))) {
            throw GatewayRefusal.badSign();
        }
        if (settings.token() != null && !settings.token().equals(form.get("token"))) {
            throw GatewayRefusal.badToken();
        }
        checkTimestamp(form.get("timestamp"));
        String method = form.get("method");
        if (!settings.methods().contains(method)) {
            throw GatewayRefusal.notSubscribed(method);
        }
        if (!withinRateLimit(appKey)) {
            throw GatewayRefusal.throttled();
        }
        JsonNode bizcontent = bizcontent(form.get("bizcontent"));
        return switch (method) {
            case GatewaySettings.ADD -> addCustomer(bizcontent);
            case GatewaySettings.UPDATE -> updateCustomer(bizcontent);
            case GatewaySettings.GOODS_ADD -> addGoods(bizcontent);
            default -> listCustomers(bizcontent);
        };
    }

    private static Map<String, String> checkedForm(SandboxRequest request) {
        String contentType = request.contentType();
        if (!request.method().equals("POST") || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw GatewayRefusal.commonParameter("网关只接受 POST application/x-www-form-urlencoded 请求，收到 "
                    + request.method() + " " + contentType);
        }
        Map<String, String> form = request.form();
        for (String name : COMMON_PARAMETERS) {
            String value = form.get(name);
            if (value == null || value.isBlank()) {
                throw GatewayRefusal.commonParameter("缺少公共参数 " + name);
            }
        }
        if (!form.get("contenttype").equals("json")) {
            throw GatewayRefusal.commonParameter("contenttype 应为 json，收到 " + form.get("contenttype"));
        }
        String version = form.get("version");
        if (!version.equals("v1.0") && !version.equals("1.0")) {
            throw GatewayRefusal.commonParameter("version 应为 v1.0，收到 " + version);
        }
        return form;
    }

    private void checkTimestamp(String text) {
        Instant timestamp = ChinaTime.parseOrNull(text);
        if (timestamp == null) {
            throw GatewayRefusal.badTimestamp("timestamp 格式应为 " + ChinaTime.PATTERN + "（北京时间），收到 " + text);
        }
        Duration tolerance = settings.timestampTolerance();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (!tolerance.isZero() && Duration.between(timestamp, now).abs().compareTo(tolerance) > 0) {
            throw GatewayRefusal.badTimestamp("timestamp " + text + " 与服务器时间 " + ChinaTime.format(now) + " 相差超过 "
                    + tolerance.toSeconds() + " 秒，请校准服务器时钟");
        }
    }

    private static JsonNode bizcontent(String text) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw GatewayRefusal.invalid("bizcontent 不是合法的 JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw GatewayRefusal.invalid("bizcontent 应为 JSON 对象");
        }
        return json;
    }

    private JsonNode addCustomer(JsonNode bizcontent) {
        String code = keyOf(bizcontent, "customerCode");
        if (code != null) {
            customers.countAddCall(code);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Customer customer = customers.add(NewCustomer.from(bizcontent), now, now);
        ObjectNode data = object();
        data.put("customerId", Long.toString(customer.id()));
        return data;
    }

    private JsonNode updateCustomer(JsonNode bizcontent) {
        String code = keyOf(bizcontent, "customerCode");
        if (code != null) {
            customers.countUpdateCall(code);
        }
        Customer customer = customers.update(NewCustomer.changes(bizcontent),
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        ObjectNode data = object();
        data.put("customerId", Long.toString(customer.id()));
        return data;
    }

    private JsonNode addGoods(JsonNode bizcontent) {
        String no = keyOf(bizcontent, "goodsNo");
        if (no != null) {
            goods.countAddCall(no);
        }
        NewGoods details = NewGoods.from(bizcontent);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Goods added = goods.add(details.goodsNo(), id -> new Goods(id, details, now));
        ObjectNode data = object();
        data.put("goodsId", Long.toString(added.id()));
        return data;
    }

    /** The key a call names, counted before its checks so that refused calls count too; null when absent. */
    private static String keyOf(JsonNode bizcontent, String name) {
        JsonNode value = bizcontent.get(name);
        return value != null && value.isValueNode() && !value.asText().isBlank() ? value.asText().trim() : null;
    }

    private JsonNode listCustomers(JsonNode bizcontent) {
        CustomerStore.Page page = customers.list(CustomerQuery.from(bizcontent, settings.listMaxWindow()));
        ObjectNode data = object();
        ArrayNode rows = data.putArray("customers");
        page.customers().forEach(customer -> customer.writeTo(rows.addObject()));
        if (page.total() != null) {
            data.put("total", page.total());
        }
        return data;
    }

    private static void writeEnvelope(HttpServletResponse response, int code, String msg, String subCode,
            JsonNode data) throws IOException {
        ObjectNode envelope = object();
        envelope.put("code", code);
        envelope.put("msg", msg);
        envelope.put("subCode", subCode);
        ObjectNode result = envelope.putObject("result");
        result.set("data", data == null ? NullNode.getInstance() : data);
        result.put("contextId", Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
        writeJson(response, 200, envelope);
    }

    @Override
    protected String callerOf(SandboxRequest request) {
        return request.form().get("appkey");
    }

    @Override
    protected void writeThrottled(HttpServletResponse response) throws IOException {
        GatewayRefusal refusal = GatewayRefusal.throttled();
        writeEnvelope(response, refusal.code(), refusal.getMessage(), refusal.subCode(), null);
    }

    @Override
    protected void resetData() {
        customers.clear();
        goods.clear();
    }

    /**
     * {@code GET /_admin/customers}: everything stored and the add calls per customerCode;
     * {@code POST /_admin/customers}: stores customers (a JSON object or array) directly, e.g. with given
     * {@code gmtCreate}/{@code gmtModified}, under the add operation's rules; {@code GET /_admin/goods}: every
     * stored goods item and the add calls per goodsNo.
     */
    @Override
    protected boolean handleAdmin(String path, SandboxRequest request, HttpServletResponse response)
            throws IOException {
        if (path.equals("/goods") && request.method().equals("GET")) {
            writeJson(response, 200, goodsSnapshot());
            return true;
        }
        if (!path.equals("/customers")) {
            return false;
        }
        if (request.method().equals("GET")) {
            writeJson(response, 200, snapshot());
            return true;
        }
        if (request.method().equals("POST")) {
            JsonNode body = request.json(JSON);
            if (body == null || !(body.isObject() || body.isArray())) {
                writeJson(response, 400, Map.of("error", "send a customer as a JSON object, or several as an array"));
                return true;
            }
            List<JsonNode> given = new ArrayList<>();
            if (body.isArray()) {
                body.forEach(given::add);
            } else {
                given.add(body);
            }
            ArrayNode added = JSON.createArrayNode();
            try {
                for (JsonNode customer : given) {
                    seed(customer).writeTo(added.addObject());
                }
            } catch (GatewayRefusal refusal) {
                writeJson(response, 400, Map.of("error", refusal.getMessage(), "subCode", refusal.subCode(),
                        "added", added));
                return true;
            }
            writeJson(response, 200, Map.of("added", added));
            return true;
        }
        return false;
    }

    private Customer seed(JsonNode customer) {
        if (!customer.isObject()) {
            throw GatewayRefusal.invalid("each customer must be a JSON object, was " + customer);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant created = seedTime(customer, "gmtCreate", now);
        Instant modified = seedTime(customer, "gmtModified", created);
        return customers.add(NewCustomer.from(customer), created, modified);
    }

    private static Instant seedTime(JsonNode customer, String name, Instant fallback) {
        JsonNode value = customer.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        Instant instant = ChinaTime.parseOrNull(value.asText());
        if (instant == null) {
            throw GatewayRefusal.invalid(name + " 格式应为 " + ChinaTime.PATTERN + "，收到 \"" + value.asText() + "\"");
        }
        return instant;
    }

    private ObjectNode snapshot() {
        ObjectNode snapshot = object();
        List<Customer> all = customers.all();
        snapshot.put("count", all.size());
        ArrayNode rows = snapshot.putArray("customers");
        all.forEach(customer -> customer.writeTo(rows.addObject()));
        ObjectNode calls = snapshot.putObject("addCalls");
        customers.addCalls().forEach(calls::put);
        ObjectNode updates = snapshot.putObject("updateCalls");
        customers.updateCalls().forEach(updates::put);
        return snapshot;
    }

    private ObjectNode goodsSnapshot() {
        ObjectNode snapshot = object();
        List<Goods> all = goods.all();
        snapshot.put("count", all.size());
        ArrayNode rows = snapshot.putArray("goods");
        all.forEach(item -> item.writeTo(rows.addObject()));
        ObjectNode calls = snapshot.putObject("addCalls");
        goods.addCalls().forEach(calls::put);
        return snapshot;
    }
}
