package io.yunqiao.connectors.kingdee.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connectors.kingdee.sandbox.Catalog.Material;
import io.yunqiao.connectors.kingdee.sandbox.IssuedTokens.Grant;
import io.yunqiao.connectors.kingdee.sandbox.PurchaseInbounds.Selection;
import io.yunqiao.connectors.kingdee.sandbox.SandboxSettings.AccountGroup;
import io.yunqiao.sandbox.SandboxRequest;
import io.yunqiao.sandbox.SandboxServlet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Kingdee sandbox's HTTP face; see {@link KingdeeSandbox} for what it answers. */
final class KingdeeSandboxServlet extends SandboxServlet {

    private static final long serialVersionUID = 1L;

    static final String V1_TOKEN = "/auth/user/access_token";
    static final String ACCOUNT_GROUP = "/jdy/sys/accountGroup";
    static final String INBOUND_LIST = "/jdy/pur/pur_inbound_list";
    static final String INBOUND_DETAIL = "/jdy/pur/pur_inbound_detail";
    static final String MATERIAL_LIST = "/jdy/basedata/material_list";
    static final String V2_TOKEN = "/jdyconnector/app_management/kingdee_auth_token";
    static final String V2_INBOUND_LIST = "/jdy/v2/scm/pur_inbound";
    static final int MAX_PAGE_SIZE = 100;

    private final transient SandboxSettings settings;
    private final transient PurchaseInbounds bills;
    private final transient BillJson billJson;
    private final transient IssuedTokens v1Tokens = new IssuedTokens();
    private final transient IssuedTokens v2Tokens = new IssuedTokens();
    private final transient GatewayCheck gateway;

    KingdeeSandboxServlet(SandboxSettings settings) {
        super(settings.rateLimit(), "errcode");
        this.settings = settings;
        this.bills = new PurchaseInbounds(settings, new Catalog(settings));
        this.billJson = new BillJson(bills);
        this.gateway = new GatewayCheck(settings.v2ClientId(), settings.v2ClientSecret());
    }

    @Override
    protected void handle(SandboxRequest request, HttpServletResponse response) throws IOException {
        String path = request.path();
        boolean v2 = isV2(path);
        try {
            switch (path) {
                case V1_TOKEN -> v1Token(request, response);
                case ACCOUNT_GROUP -> accountGroups(request, response);
                case INBOUND_LIST -> inboundList(request, response);
                case INBOUND_DETAIL -> inboundDetail(request, response);
                case MATERIAL_LIST -> materialList(request, response);
                case V2_TOKEN -> v2Token(request, response);
                case V2_INBOUND_LIST -> v2InboundList(request, response);
                default -> throw v2
                        ? new Refusal(404, Refusal.GW_NO_SUCH_API, "接口不存在：" + path, "no such API: " + path)
                        : new Refusal(404, Refusal.NO_SUCH_API, "接口不存在：" + path, "no such API: " + path);
            }
        } catch (Refusal refusal) {
            writeRefusal(response, refusal, v2);
        }
    }

    /**
     * V1 answers its refusals in Chinese in {@code description}; the V2 gateway in English in {@code description}
     * and in Chinese in {@code description_cn}.
     */
    private static void writeRefusal(HttpServletResponse response, Refusal refusal, boolean v2) throws IOException {
        ObjectNode body = object();
        if (!v2) {
            body.put("success", false);
        }
        body.put("errcode", refusal.code());
        if (v2) {
            body.put("description", refusal.english());
            body.put("description_cn", refusal.description());
        } else {
            body.put("description", refusal.description());
        }
        body.putNull("data");
        writeJson(response, refusal.status(), body);
    }

    private static boolean isV2(String path) {
        return path.startsWith("/jdy/v2/") || path.startsWith("/jdyconnector/");
    }

    @Override
    protected String callerOf(SandboxRequest request) {
        String path = request.path();
        if (path.equals(V1_TOKEN)) {
            String client = request.form().get("client_id");
            return client != null ? client : request.query().get("client_id");
        }
        if (path.equals(V2_TOKEN)) {
            return request.query().get("app_key");
        }
        if (isV2(path)) {
            return v2Tokens.owner(request.header("app-token"));
        }
        return v1Tokens.owner(request.query().get("access_token"));
    }

    /** The V2 gateway refuses an overload with its own code and HTTP 429; V1 as business error 10029. */
    @Override
    protected void writeThrottled(SandboxRequest request, HttpServletResponse response) throws IOException {
        if (isV2(request.path())) {
            writeRefusal(response, new Refusal(429, Refusal.GW_OVERLOAD, "请求过于频繁，网关过载，请稍后再试",
                    "overload: too many requests, try again later"), true);
        } else {
            writeThrottled(response);
        }
    }

    @Override
    protected void writeThrottled(HttpServletResponse response) throws IOException {
        ObjectNode body = object();
        body.put("success", false);
        body.put("errcode", Refusal.THROTTLED);
        body.put("description", "请求过于频繁，请稍后再试");
        body.putNull("data");
        writeJson(response, 200, body);
    }

    @Override
    protected void resetData() {
        bills.reset();
    }

    // ---- V1 ----

    private void v1Token(SandboxRequest request, HttpServletResponse response) throws IOException {
        if (!request.method().equals("GET") && !request.method().equals("POST")) {
            throw new Refusal(405, Refusal.BAD_METHOD, "请使用 GET 或 POST 调用 " + V1_TOKEN,
                    "call " + V1_TOKEN + " with GET or POST");
        }
        Params params = new Params(request, JSON);
        String clientId = params.required("client_id");
        String clientSecret = params.required("client_secret");
        String username = params.required("username");
        String password = params.required("password");
        if (!clientId.equals(settings.clientId()) || !clientSecret.equals(settings.clientSecret())) {
            throw Refusal.of(Refusal.BAD_APP, "client_id 或 client_secret 错误",
                    "client_id or client_secret is wrong");
        }
        if (!username.equals(settings.username()) || !password.equals(settings.password())) {
            throw Refusal.of(Refusal.BAD_USER, "用户名或密码错误", "wrong username or password");
        }
        int ttl = settings.tokenTtlSeconds();
        ObjectNode body = success();
        ObjectNode data = body.putObject("data");
        data.put("access_token", v1Tokens.issue(clientId, System.currentTimeMillis(), ttl * 1000L));
        data.put("expires_in", ttl);
        data.put("uid", "U" + Math.abs((long) username.hashCode()));
        writeJson(response, 200, body);
    }

    private void accountGroups(SandboxRequest request, HttpServletResponse response) throws IOException {
        requirePost(request);
        v1Client(request);
        ObjectNode body = success();
        ObjectNode service = body.putArray("data").addObject();
        service.put("serviceId", "jdy-sandbox");
        ArrayNode groups = service.putArray("accountGroups");
        for (AccountGroup group : settings.accountGroups()) {
            groups.addObject().put("groupId", group.groupId()).put("groupName", group.groupName())
                    .put("accountId", group.accountId());
        }
        writeJson(response, 200, body);
    }

    private void inboundList(SandboxRequest request, HttpServletResponse response) throws IOException {
        if (!v1Business(request, response)) {
            return;
        }
        Params params = new Params(request, JSON);
        int page = params.number("page", 1, 1, Integer.MAX_VALUE);
        int size = params.number("pagesize", 10, 1, MAX_PAGE_SIZE);
        Selection selection = bills.select(v1Filter(params), page, size);
        try (JsonGenerator g = startV1(response)) {
            writePage(g, selection.total(), page, size, "totalpage", false);
            for (int index : selection.indexes()) {
                billJson.writeV1(g, index);
            }
            endPage(g);
        }
    }

    private void inboundDetail(SandboxRequest request, HttpServletResponse response) throws IOException {
        if (!v1Business(request, response)) {
            return;
        }
        Params params = new Params(request, JSON);
        String id = params.text("id");
        String number = params.text("number");
        int index;
        if (id != null) {
            try {
                index = bills.indexOfId(Long.parseLong(id));
            } catch (NumberFormatException e) {
                index = -1;
            }
        } else if (number != null) {
            index = bills.indexOfBillNo(number);
        } else {
            throw Refusal.badParameter("id 和 number 至少填写一个", "give id or number");
        }
        if (index < 0) {
            throw Refusal.of(Refusal.NOT_FOUND, "单据不存在：" + (id != null ? id : number),
                    "no such bill: " + (id != null ? id : number));
        }
        try (JsonGenerator g = startV1(response)) {
            g.writeFieldName("data");
            billJson.writeV1(g, index);
            g.writeEndObject();
        }
    }

    private void materialList(SandboxRequest request, HttpServletResponse response) throws IOException {
        if (!v1Business(request, response)) {
            return;
        }
        Params params = new Params(request, JSON);
        int page = params.number("page", 1, 1, Integer.MAX_VALUE);
        int size = params.number("pagesize", 10, 1, MAX_PAGE_SIZE);
        long from = params.time("begintime");
        long to = params.time("expiretime");
        String search = params.text("search");
        String needle = search == null ? null : search.toLowerCase(Locale.ROOT);
        List<Material> materials = bills.catalog().materials();
        List<Integer> onPage = new ArrayList<>();
        long first = (long) (page - 1) * size;
        int total = 0;
        for (int i = 0; i < materials.size(); i++) {
            Material m = materials.get(i);
            boolean matches = (from == Params.NONE || m.modifyTime() >= from)
                    && (to == Params.NONE || m.modifyTime() <= to)
                    && (needle == null || PurchaseInbounds.contains(m.ref().number(), needle)
                            || PurchaseInbounds.contains(m.ref().name(), needle)
                            || PurchaseInbounds.contains(m.model(), needle)
                            || m.barcode().contains(needle));
            if (matches) {
                if (total >= first && onPage.size() < size) {
                    onPage.add(i);
                }
                total++;
            }
        }
        try (JsonGenerator g = startV1(response)) {
            writePage(g, total, page, size, "totalpage", false);
            for (int i : onPage) {
                writeMaterial(g, i, materials.get(i));
            }
            endPage(g);
        }
    }

    private void writeMaterial(JsonGenerator g, int index, Material m) throws IOException {
        Catalog.Category category = bills.catalog().categories().get(m.category());
        g.writeStartObject();
        g.writeStringField("id", m.ref().id());
        g.writeStringField("number", m.ref().number());
        g.writeStringField("name", m.ref().name());
        g.writeStringField("model", m.model());
        g.writeStringField("barcode", m.barcode());
        g.writeStringField("parent_id", category.ref().id());
        g.writeStringField("parent_name", category.ref().name());
        g.writeStringField("parent_number", category.ref().number());
        g.writeStringField("baseunit_id", m.baseUnit().id());
        g.writeStringField("baseunit_name", m.baseUnit().name());
        g.writeStringField("baseunit_number", m.baseUnit().number());
        g.writeStringField("isbatch", Boolean.toString(category.batch()));
        g.writeStringField("iskfperiod", Boolean.toString(category.shelfLife()));
        g.writeStringField("kftype", category.shelfLife() ? Integer.toString(m.kfType()) : "");
        g.writeStringField("kfperiod", category.shelfLife() ? Integer.toString(m.kfPeriod()) : "");
        g.writeStringField("isserial", Boolean.toString(m.serial()));
        g.writeStringField("ismulti_unit", Boolean.toString(m.multiUnit()));
        g.writeStringField("isasstattr", Boolean.toString(category.auxAttributes()));
        g.writeStringField("purprice", BillJson.money(m.purchaseCents()));
        g.writeStringField("retailprice", BillJson.money(m.retailCents()));
        g.writeStringField("enable", "1");
        g.writeStringField("remark", index % 7 == 0 ? "主推款" : "");
        g.writeStringField("createtime", Long.toString(m.createTime()));
        g.writeStringField("modifytime", Long.toString(m.modifyTime()));
        g.writeEndObject();
    }

    /** Checks what every V1 business call needs; false when the call was throttled (and answered). */
    private boolean v1Business(SandboxRequest request, HttpServletResponse response) throws IOException {
        requirePost(request);
        String client = v1Client(request);
        if (!withinRateLimit(client)) {
            writeThrottled(response);
            return false;
        }
        String groupName = request.header("groupName");
        String accountId = request.header("accountId");
        if (groupName == null || accountId == null) {
            throw Refusal.of(Refusal.BAD_ACCOUNT_GROUP, "缺少请求头 groupName 或 accountId",
                    "missing header groupName or accountId");
        }
        String name = groupName.contains("%") ? URLDecoder.decode(groupName, StandardCharsets.UTF_8) : groupName;
        boolean known = settings.accountGroups().stream()
                .anyMatch(g -> g.groupName().equals(name) && g.accountId().equals(accountId.trim()));
        if (!known) {
            throw Refusal.of(Refusal.BAD_ACCOUNT_GROUP, "账套不存在或无权访问：groupName=" + name + "，accountId="
                    + accountId, "no such account group, or no access: groupName=" + name + ", accountId="
                    + accountId);
        }
        return true;
    }

    /** The client id of a valid access_token. */
    private String v1Client(SandboxRequest request) {
        String token = request.query().get("access_token");
        if (token == null || token.isBlank()) {
            throw Refusal.of(Refusal.BAD_TOKEN, "缺少 access_token", "missing access_token");
        }
        Grant grant = v1Tokens.valid(token, System.currentTimeMillis());
        if (grant == null) {
            throw Refusal.of(Refusal.BAD_TOKEN, "access_token 无效或已过期，请重新获取",
                    "access_token is invalid or expired; get a new one");
        }
        return grant.owner();
    }

    private BillFilter v1Filter(Params p) {
        BillFilter.Builder filter = BillFilter.builder();
        String status = p.text("billstatus");
        if (status != null) {
            filter.status(status(status, "billstatus"));
        }
        long day;
        if ((day = p.day("startdate")) != Params.NONE) {
            filter.createdFrom(PurchaseInbounds.startOfDay(day));
        }
        if ((day = p.day("enddate")) != Params.NONE) {
            filter.createdTo(PurchaseInbounds.startOfDay(day + 1) - 1);
        }
        if ((day = p.day("begindate")) != Params.NONE) {
            filter.modifiedFrom(PurchaseInbounds.startOfDay(day));
        }
        if ((day = p.day("expiredate")) != Params.NONE) {
            filter.modifiedTo(PurchaseInbounds.startOfDay(day + 1) - 1);
        }
        if ((day = p.day("startbilldate")) != Params.NONE) {
            filter.billDayFrom(day);
        }
        if ((day = p.day("endbilldate")) != Params.NONE) {
            filter.billDayTo(day);
        }
        long time;
        if ((time = p.time("starttime")) != Params.NONE) {
            filter.createdFrom(time);
        }
        if ((time = p.time("endtime")) != Params.NONE) {
            filter.createdTo(time);
        }
        if ((time = p.time("begintime")) != Params.NONE) {
            filter.modifiedFrom(time);
        }
        if ((time = p.time("expiretime")) != Params.NONE) {
            filter.modifiedTo(time);
        }
        Catalog catalog = bills.catalog();
        String id;
        if ((id = p.text("supplierid")) != null) {
            filter.supplier(known(catalog.supplierIndex(id)));
        }
        if ((id = p.text("deptid")) != null) {
            filter.department(known(catalog.departmentIndex(id)));
        }
        if ((id = p.text("empid")) != null) {
            filter.employee(known(catalog.employeeIndex(id)));
        }
        String search = p.text("search");
        return filter.search(search == null ? null : search.toLowerCase(Locale.ROOT)).build();
    }

    private static int known(int index) {
        return index < 0 ? BillFilter.NONE : index;
    }

    private static char status(String value, String name) {
        if (value.equals("C") || value.equals("Z")) {
            return value.charAt(0);
        }
        throw Refusal.badParameter(name + " 只能为空、C（已审核）或 Z（未审核），收到 '" + value + "'",
                name + " must be empty, C (audited) or Z (not audited), was '" + value + "'");
    }

    // ---- V2 gateway ----

    private void v2Token(SandboxRequest request, HttpServletResponse response) throws IOException {
        requireGet(request);
        long now = System.currentTimeMillis();
        gateway.verify(request, now);
        String appKey = request.query().get("app_key");
        String appSignature = request.query().get("app_signature");
        if (appKey == null || appSignature == null) {
            throw Refusal.badParameter("缺少参数 app_key 或 app_signature", "missing app_key or app_signature");
        }
        if (!appKey.equals(settings.appKey())
                || !appSignature.equals(GatewayCheck.appSignature(appKey, settings.appSecret()))) {
            throw Refusal.of(Refusal.BAD_APP, "app_key 或 app_signature 错误",
                    "app_key or app_signature is wrong");
        }
        long ttl = settings.tokenTtlSeconds() * 1000L;
        ObjectNode body = object();
        body.put("errcode", 0);
        body.put("description", "成功");
        ObjectNode data = body.putObject("data");
        data.put("app-token", v2Tokens.issue(appKey, now, ttl));
        data.put("access_token", v2Tokens.issue(appKey, now, ttl));
        data.put("expires", now + ttl);
        writeJson(response, 200, body);
    }

    private void v2InboundList(SandboxRequest request, HttpServletResponse response) throws IOException {
        requireGet(request);
        long now = System.currentTimeMillis();
        gateway.verify(request, now);
        String appToken = request.header("app-token");
        Grant grant = v2Tokens.valid(appToken, now);
        if (grant == null && v2Tokens.owner(appToken) != null) {
            throw Refusal.gateway(Refusal.GW_TOKEN_EXPIRED, "app-token 已过期，请重新获取",
                    "app-token expired; get a new one");
        }
        if (grant == null) {
            throw Refusal.gateway(Refusal.GW_TOKEN_INVALID, "app-token 无效或缺失", "app-token is missing or invalid");
        }
        if (!withinRateLimit(grant.owner())) {
            writeThrottled(request, response);
            return;
        }
        Params params = new Params(request, JSON);
        int page = params.number("page", 1, 1, Integer.MAX_VALUE);
        int size = params.number("page_size", 10, 1, MAX_PAGE_SIZE);
        BillFilter.Builder filter = BillFilter.builder();
        long time;
        if ((time = params.time("modify_start_time")) != Params.NONE) {
            filter.modifiedFrom(time);
        }
        if ((time = params.time("modify_end_time")) != Params.NONE) {
            filter.modifiedTo(time);
        }
        if ((time = params.time("create_start_time")) != Params.NONE) {
            filter.createdFrom(time);
        }
        if ((time = params.time("create_end_time")) != Params.NONE) {
            filter.createdTo(time);
        }
        String status = params.text("bill_status");
        if (status != null) {
            filter.status(status(status, "bill_status"));
        }
        String search = params.text("search");
        filter.search(search == null ? null : search.toLowerCase(Locale.ROOT));
        Selection selection = bills.select(filter.build(), page, size);
        response.setStatus(200);
        response.setContentType("application/json;charset=UTF-8");
        try (JsonGenerator g = JSON.getFactory().createGenerator(response.getOutputStream())) {
            g.writeStartObject();
            g.writeNumberField("errcode", 0);
            g.writeStringField("description", "成功");
            writePage(g, selection.total(), page, size, "total_page", true);
            for (int index : selection.indexes()) {
                billJson.writeV2(g, index);
            }
            endPage(g);
        }
    }

    // ---- shared ----

    private static void requirePost(SandboxRequest request) {
        if (!request.method().equals("POST")) {
            throw new Refusal(405, Refusal.BAD_METHOD, "请使用 POST 调用 " + request.path(),
                    "call " + request.path() + " with POST");
        }
    }

    /** V2 only: the gateway refuses another method with its code 5002. */
    private static void requireGet(SandboxRequest request) {
        if (!request.method().equals("GET")) {
            throw new Refusal(405, Refusal.GW_BAD_METHOD, "请使用 GET 调用 " + request.path(),
                    "method not allowed: call " + request.path() + " with GET");
        }
    }

    private static ObjectNode success() {
        ObjectNode body = object();
        body.put("success", true);
        body.put("errcode", 0);
        body.put("description", "");
        return body;
    }

    /** Starts a V1 success envelope; the caller writes {@code data} and closes the object. */
    private static JsonGenerator startV1(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json;charset=UTF-8");
        JsonGenerator g = JSON.getFactory().createGenerator(response.getOutputStream());
        g.writeStartObject();
        g.writeBooleanField("success", true);
        g.writeNumberField("errcode", 0);
        g.writeStringField("description", "");
        return g;
    }

    /** Opens {@code data} with the counts and its {@code rows} array. */
    private static void writePage(JsonGenerator g, int total, int page, int size, String pagesName,
            boolean withSize) throws IOException {
        g.writeObjectFieldStart("data");
        g.writeNumberField("count", total);
        g.writeNumberField(pagesName, (total + size - 1) / size);
        g.writeNumberField("page", page);
        if (withSize) {
            g.writeNumberField("page_size", size);
        }
        g.writeArrayFieldStart("rows");
    }

    private static void endPage(JsonGenerator g) throws IOException {
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    // ---- vendor admin ----

    @Override
    protected boolean handleAdmin(String path, SandboxRequest request, HttpServletResponse response)
            throws IOException {
        String method = request.method();
        if (path.equals("/tokens/expire") && method.equals("POST")) {
            long now = System.currentTimeMillis();
            ObjectNode body = object();
            body.put("expired", v1Tokens.expireAll(now) + v2Tokens.expireAll(now));
            writeJson(response, 200, body);
        } else if (path.equals("/bills/touch") && method.equals("POST")) {
            writeJson(response, 200, touch(request));
        } else if (path.equals("/bills") && method.equals("GET")) {
            writeJson(response, 200, summary());
        } else {
            return false;
        }
        return true;
    }

    private ObjectNode touch(SandboxRequest request) throws IOException {
        JsonNode body = request.body().isBlank() ? object() : JSON.readTree(request.body());
        long at = body.path("at").isIntegralNumber() ? body.path("at").asLong() : System.currentTimeMillis();
        List<Integer> indexes = new ArrayList<>();
        if (body.path("ids").isArray()) {
            for (JsonNode id : body.path("ids")) {
                int index;
                try {
                    index = bills.indexOfId(Long.parseLong(id.asText()));
                } catch (NumberFormatException e) {
                    index = -1;
                }
                if (index < 0) {
                    throw new IllegalArgumentException("no bill has id '" + id.asText() + "'");
                }
                indexes.add(index);
            }
        } else if (body.path("count").isIntegralNumber()) {
            int count = body.path("count").asInt();
            if (count < 1 || count > bills.count()) {
                throw new IllegalArgumentException("count must be from 1 to " + bills.count() + ", was " + count);
            }
            for (int k = 0; k < count; k++) {
                indexes.add((int) ((long) k * bills.count() / count));
            }
        } else {
            throw new IllegalArgumentException("send {\"ids\": [bill ids]} or {\"count\": N}, optionally with"
                    + " \"at\": epoch milliseconds (default now)");
        }
        ObjectNode answer = object();
        ArrayNode ids = answer.putArray("ids");
        for (int index : indexes) {
            bills.touch(index, at);
            ids.add(Long.toString(bills.id(index)));
        }
        answer.put("touched", indexes.size());
        answer.put("modifytime", at);
        return answer;
    }

    private ObjectNode summary() {
        Catalog catalog = bills.catalog();
        ObjectNode answer = object();
        answer.put("bills", bills.count());
        int audited = 0;
        int touched = 0;
        long lines = 0;
        for (int i = 0; i < bills.count(); i++) {
            audited += bills.status(i) == 'C' ? 1 : 0;
            touched += bills.modifyTime(i) != bills.generatedModifyTime(i) ? 1 : 0;
            lines += bills.lineCount(i);
        }
        answer.putObject("billstatus").put("C", audited).put("Z", bills.count() - audited);
        answer.put("lines", lines);
        answer.put("touched", touched);
        answer.put("suppliers", catalog.suppliers().size());
        answer.put("employees", catalog.employees().size());
        answer.put("departments", catalog.departments().size());
        answer.put("materials", catalog.materials().size());
        answer.put("seed", settings.seed());
        answer.put("start", settings.start());
        answer.put("end", settings.end());
        ArrayNode groups = answer.putArray("accountGroups");
        settings.accountGroups().forEach(g -> groups.addObject().put("groupName", g.groupName())
                .put("accountId", g.accountId()));
        return answer;
    }
}
