package io.yunqiao.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.sandbox.SandboxRequest;
import io.yunqiao.sandbox.SandboxServlet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The made-up shop API of {@code definitions/shop.yaml}: 37 orders created at epoch seconds 1000..1036 behind a
 * token, 25 more behind an unpaged-total GET, an add endpoint with duplicate detection (numbers starting
 * {@code LATE-} are stored, then answered after 3 s), a find-by-number look-up and a form gateway.
 */
public class ShopSandbox extends SandboxServlet {

    private static final long serialVersionUID = 1L;
    static final int ORDERS = 37;
    static final int SHORT_ORDERS = 25;
    static final String SECRET = "right";

    private final transient Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final transient Set<String> numbers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();

    public ShopSandbox() {
        super(0, "status", "error.code");
    }

    void expireTokens() {
        tokens.clear();
    }

    int tokensIssued() {
        return issued.get();
    }

    @Override
    protected void handle(SandboxRequest request, HttpServletResponse response) throws IOException {
        if (request.path().equals("/token")) {
            token(request, response);
            return;
        }
        if (request.path().equals("/gateway")) {
            gateway(request, response);
            return;
        }
        String authorization = request.header("Authorization");
        if (authorization == null || !tokens.contains(authorization.replace("Bearer ", ""))) {
            writeJson(response, 401, failure("BAD_TOKEN", "token unknown or expired"));
            return;
        }
        if (!withinRateLimit(authorization)) {
            writeThrottled(response);
            return;
        }
        switch (request.path()) {
            case "/orders/list" -> list(request.json(JSON), response);
            case "/orders/short" -> shortList(request.query(), response);
            case "/orders/add" -> add(request.json(JSON), response);
            case "/orders/find" -> find(request.json(JSON), response);
            default -> writeJson(response, 404, failure("NOT_FOUND", request.path()));
        }
    }

    private void token(SandboxRequest request, HttpServletResponse response) throws IOException {
        if (!SECRET.equals(request.form().get("secret"))) {
            writeJson(response, 200, failure("BAD_SECRET", "wrong secret for user " + request.form().get("user")));
            return;
        }
        String token = "t" + issued.incrementAndGet();
        tokens.add(token);
        writeJson(response, 200, Map.of("status", "ok", "token", token));
    }

    private static void list(JsonNode body, HttpServletResponse response) throws IOException {
        int page = body.path("page").asInt();
        int size = body.path("size").asInt();
        long from = body.path("from").asLong(Long.MIN_VALUE);
        long to = body.path("to").asLong(Long.MAX_VALUE);
        ArrayNode matching = JSON.createArrayNode();
        for (int i = 0; i < ORDERS; i++) {
            long created = 1000 + i;
            if (created >= from && created <= to) {
                matching.add(order(i));
            }
        }
        ArrayNode items = JSON.createArrayNode();
        for (int i = (page - 1) * size; i < Math.min(matching.size(), page * size); i++) {
            items.add(matching.get(i));
        }
        ObjectNode answer = object().put("status", "ok");
        answer.putObject("data").put("total", matching.size()).set("items", items);
        writeJson(response, 200, answer);
    }

    private static void shortList(Map<String, String> query, HttpServletResponse response) throws IOException {
        int page = Integer.parseInt(query.get("p"));
        int size = Integer.parseInt(query.get("n"));
        ArrayNode items = JSON.createArrayNode();
        for (int i = page * size; i < Math.min(SHORT_ORDERS, (page + 1) * size); i++) {
            items.add(object().put("id", "s" + i));
        }
        ObjectNode answer = object().put("status", "ok");
        answer.putObject("data").set("items", items);
        writeJson(response, 200, answer);
    }

    private static ObjectNode order(int i) {
        ObjectNode order = object().put("id", "o" + i).put("number", "NO-" + (1000 + i)).put("created", 1000 + i);
        order.putArray("lines").add(object().put("sku", "SKU-" + i));
        return order;
    }

    private void add(JsonNode body, HttpServletResponse response) throws IOException {
        String number = body.path("number").asText("");
        if (number.isEmpty()) {
            writeJson(response, 200, failure("INVALID", "number is required"));
        } else if (number.startsWith("OLD-")) {
            writeJson(response, 200, failure("E42", "order " + number + " is already there"));
        } else if (!numbers.add(number)) {
            writeJson(response, 200, failure("DUPLICATE", "order " + number + " exists"));
        } else {
            if (number.startsWith("LATE-")) {
                // stored, then answered after the client gave up: an applied request whose answer is lost
                pause(3_000);
            }
            ObjectNode answer = object().put("status", "ok");
            answer.putObject("data").put("id", "id-" + number);
            writeJson(response, 200, answer);
        }
    }

    private void find(JsonNode body, HttpServletResponse response) throws IOException {
        String number = body.path("number").asText("");
        ObjectNode answer = object().put("status", "ok");
        ArrayNode items = answer.putObject("data").putArray("items");
        if (numbers.contains(number)) {
            items.add(object().put("number", number));
        }
        writeJson(response, 200, answer);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void gateway(SandboxRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> form = request.form();
        JsonNode content = JSON.readTree(form.getOrDefault("bizcontent", "{}"));
        ObjectNode answer = object();
        if ("slow".equals(content.path("title").asText())) {
            answer.put("code", -1).put("subCode", "0999").put("msg", "slow down");
        } else {
            answer.put("code", 200).put("subCode", "").put("msg", "ok");
            answer.putObject("result").put("method", form.get("method")).put("version", form.get("version"))
                    .put("title", content.path("title").asText());
        }
        writeJson(response, 200, answer);
    }

    private static ObjectNode failure(String code, String message) {
        ObjectNode answer = object().put("status", "fail");
        answer.putObject("error").put("code", code).put("message", message);
        return answer;
    }

    @Override
    protected boolean handleAdmin(String path, SandboxRequest request, HttpServletResponse response)
            throws IOException {
        if (path.equals("/tokens/expire")) {
            tokens.clear();
            writeJson(response, 200, Map.of("expired", true));
            return true;
        }
        return false;
    }

    @Override
    protected String callerOf(SandboxRequest request) {
        return request.header("Authorization");
    }

    @Override
    protected void writeThrottled(HttpServletResponse response) throws IOException {
        writeJson(response, 429, failure("SLOW_DOWN", "too many requests"));
    }

    @Override
    protected void resetData() {
        tokens.clear();
        numbers.clear();
        issued.set(0);
    }
}
