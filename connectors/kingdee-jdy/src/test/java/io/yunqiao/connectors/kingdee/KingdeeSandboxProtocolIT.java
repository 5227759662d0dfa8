package io.yunqiao.connectors.kingdee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.WindowSpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sandbox speaks Kingdee's V1 protocol to any client, not just ours: raw HTTP calls, the envelope,
 * the vendor's errors, and the vendor admin endpoints.
 */
class KingdeeSandboxProtocolIT extends KingdeeSandboxSupport {

    private static final String CREDENTIALS = "client_id=yunqiao-demo&client_secret=demo-secret-v1&username=demo"
            + "&password=demo-pass";

    private String token() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/auth/user/access_token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(CREDENTIALS)));
        return parse(response.body()).path("data").path("access_token").asText();
    }

    private JsonNode list(String token, String groupName, String accountId, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/jdy/pur/pur_inbound_list?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (groupName != null) {
            request.header("groupName", groupName).header("accountId", accountId);
        }
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).isEqualTo(200);
        return parse(response.body());
    }

    @Test
    void issuesATokenForAGetQueryAndForAPostForm() {
        // when the token is asked for with a GET query
        JsonNode byGet = parse(send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/auth/user/access_token?"
                + CREDENTIALS)).GET()).body());

        // then it is issued with its lifetime, as it is for a POST form
        assertThat(byGet.path("errcode").asInt()).isZero();
        assertThat(byGet.path("data").path("access_token").asText()).hasSize(32);
        assertThat(byGet.path("data").path("expires_in").asInt()).isEqualTo(3600);
        assertThat(token()).hasSize(32).isNotEqualTo(byGet.path("data").path("access_token").asText());
    }

    @Test
    void answersTheDocumentedEnvelope() {
        // when the example body of Kingdee's documentation is sent
        JsonNode answer = list(token(), "demo-group", "100001",
                "{\"search\":\"\",\"starttime\":-1,\"endtime\":-1,\"page\":1,\"pagesize\":10}");

        // then the envelope is {success, errcode, description, data{count, totalpage, page, rows}}
        assertThat(answer.path("success").asBoolean()).isTrue();
        assertThat(answer.path("errcode").asInt()).isZero();
        assertThat(answer.path("description").asText()).isEmpty();
        assertThat(answer.path("data").path("count").asInt()).isEqualTo(1000);
        assertThat(answer.path("data").path("totalpage").asInt()).isEqualTo(100);
        assertThat(answer.path("data").path("page").asInt()).isEqualTo(1);
        assertThat(answer.path("data").path("rows")).hasSize(10);
    }

    @Test
    void defaultsToTheFirstPageOfTen() {
        JsonNode answer = list(token(), "demo-group", "100001", "{}");
        assertThat(answer.path("data").path("page").asInt()).isEqualTo(1);
        assertThat(answer.path("data").path("rows")).hasSize(10);
    }

    @Test
    void readsNumbersWrittenAsText() {
        String token = token();
        JsonNode asNumbers = list(token, "demo-group", "100001", "{\"page\":3,\"pagesize\":5}");
        JsonNode asText = list(token, "demo-group", "100001", "{\"page\":\"3\",\"pagesize\":\"5\"}");
        assertThat(asText.path("data").path("rows")).hasSize(5).isEqualTo(asNumbers.path("data").path("rows"));
        assertThat(asText.path("data").path("page").asInt()).isEqualTo(3);
    }

    @Test
    void refusesAPageSizeAboveOneHundred() {
        JsonNode answer = list(token(), "demo-group", "100001", "{\"pagesize\":101}");
        assertThat(answer.path("success").asBoolean()).isFalse();
        assertThat(answer.path("errcode").asInt()).isEqualTo(10001);
        assertThat(answer.path("description").asText()).contains("pagesize").contains("100");
    }

    @Test
    void refusesAnUnknownToken() {
        JsonNode answer = list("not-a-token", "demo-group", "100001", "{}");
        assertThat(answer.path("errcode").asInt()).isEqualTo(10010);
        assertThat(answer.path("description").asText()).contains("access_token");
    }

    @Test
    void refusesAnExpiredToken() {
        String token = token();
        admin("POST", "/_admin/tokens/expire", "");
        assertThat(list(token, "demo-group", "100001", "{}").path("errcode").asInt()).isEqualTo(10010);
    }

    @Test
    void refusesMissingOrMismatchedAccountGroupHeaders() {
        String token = token();
        assertThat(list(token, null, null, "{}").path("errcode").asInt()).isEqualTo(10013);
        assertThat(list(token, "demo-group", "100002", "{}").path("errcode").asInt()).isEqualTo(10013);
        assertThat(list(token, "demo-branch", "100002", "{}").path("errcode").asInt()).isZero();
    }

    @Test
    void listsTheUsersAccountGroups() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/jdy/sys/accountGroup?access_token=" + token())).POST(HttpRequest.BodyPublishers.noBody()));
        JsonNode groups = parse(response.body()).path("data").get(0).path("accountGroups");
        assertThat(groups).extracting(g -> g.path("groupName").asText() + ":" + g.path("accountId").asText())
                .containsExactly("demo-group:100001", "demo-branch:100002");
    }

    @Test
    void answersAnUnknownApiWith404() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/jdy/pur/no_such_api")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(parse(response.body()).path("errcode").asInt()).isEqualTo(10404);
    }

    @Test
    void touchedBillsComeBackInTheNextWindow() {
        // given two bills, and a window that starts after the data set's end
        Connection connection = v1Connection();
        List<JsonNode> firstPage = client.query(connection, LIST, Map.of(), PageRequest.first(10)).records();
        List<String> touched = List.of(firstPage.get(2).path("id").asText(), firstPage.get(5).path("id").asText());
        Instant at = END.plusSeconds(600);
        WindowSpec window = registry.operation("kingdee-jdy", LIST).window();
        assertThat(fetchAll(connection, LIST, window.params(END.plusSeconds(1), END.plusSeconds(3600)), 100))
                .isEmpty();

        // when the vendor's users edit them
        JsonNode answer = admin("POST", "/_admin/bills/touch", "{\"ids\":[\"" + touched.get(0) + "\",\""
                + touched.get(1) + "\"],\"at\":" + at.toEpochMilli() + "}");

        // then the next window holds exactly them, with the new modify time
        assertThat(answer.path("touched").asInt()).isEqualTo(2);
        List<JsonNode> next = fetchAll(connection, LIST, window.params(END.plusSeconds(1), END.plusSeconds(3600)),
                100);
        assertThat(ids(next)).containsExactlyElementsOf(touched);
        assertThat(next).allSatisfy(b -> assertThat(millis(b, "modifytime")).isEqualTo(at.toEpochMilli()));
        assertThat(admin("GET", "/_admin/bills", "").path("touched").asInt()).isEqualTo(2);
    }

    @Test
    void touchingACountSpreadsOverTheDataSetAndResetUndoesIt() {
        // when 25 bills are touched now
        JsonNode answer = admin("POST", "/_admin/bills/touch", "{\"count\":25}");

        // then 25 distinct bills carry a modify time of about now
        assertThat(answer.path("ids")).hasSize(25);
        long now = answer.path("modifytime").asLong();
        assertThat(now).isCloseTo(System.currentTimeMillis(), within(60_000L));
        WindowSpec window = registry.operation("kingdee-jdy", LIST).window();
        List<JsonNode> recent = fetchAll(v1Connection(), LIST, window.params(Instant.ofEpochMilli(now),
                Instant.ofEpochMilli(now)), 100);
        assertThat(recent).hasSize(25);

        // and a reset brings the generated modify times back
        admin("POST", "/_admin/reset", "");
        assertThat(admin("GET", "/_admin/bills", "").path("touched").asInt()).isZero();
    }

    @Test
    void theSummaryDescribesTheDataSet() {
        JsonNode summary = admin("GET", "/_admin/bills", "");
        assertThat(summary.path("bills").asInt()).isEqualTo(1000);
        assertThat(summary.path("billstatus").path("C").asInt() + summary.path("billstatus").path("Z").asInt())
                .isEqualTo(1000);
        assertThat(summary.path("suppliers").asInt()).isEqualTo(50);
        assertThat(summary.path("lines").asInt()).isBetween(1000, 8000);
        assertThat(summary.path("end").asLong()).isEqualTo(END.toEpochMilli());
        assertThat(summary.path("start").asLong()).isEqualTo(END.minusSeconds(30 * 86_400L).toEpochMilli());
    }
}
