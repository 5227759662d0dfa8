package io.yunqiao.connectors.kingdee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.PageRequest;
import io.yunqiao.connector.QueryPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The V1 token flow (the definition's session-token scheme) against the sandbox: login, account group, caching,
 * refresh, refusal.
 */
class KingdeeV1AuthIT extends KingdeeSandboxSupport {

    private static final String TOKEN = "/auth/user/access_token";
    private static final String ACCOUNT_GROUP = "/jdy/sys/accountGroup";

    @Test
    void logsInOnceAndReusesTheToken() {
        // given a connection that has not logged in
        Connection connection = v1Connection();

        // when it reads three pages
        for (int page = 0; page < 3; page++) {
            client.query(connection, LIST, Map.of(), new PageRequest(page, 10));
        }

        // then it asked for a token and the account groups once
        assertThat(callsTo(TOKEN)).hasSize(1);
        assertThat(callsTo(ACCOUNT_GROUP)).hasSize(1);
        assertThat(callsTo("/jdy/pur/pur_inbound_list")).hasSize(3)
                .allSatisfy(call -> assertThat(call.path("status").asInt()).isEqualTo(200));
    }

    @Test
    void logsInOnceWhenManyThreadsQueryAtOnce() throws Exception {
        // given 8 threads sharing one connection that has not logged in
        Connection connection = v1Connection();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<QueryPage>> pages = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int page = i;
            pages.add(pool.submit(() -> {
                start.await();
                return client.query(connection, LIST, Map.of(), new PageRequest(page, 20));
            }));
        }

        // when they all query at the same moment
        start.countDown();
        for (Future<QueryPage> page : pages) {
            assertThat(page.get(30, TimeUnit.SECONDS).records()).hasSize(20);
        }
        pool.shutdown();

        // then one token served them all
        assertThat(callsTo(TOKEN)).hasSize(1);
    }

    @Test
    void refreshesTheTokenOnceWhenItExpiresBetweenPages() {
        // given a connection half way through paging the whole data set
        Connection connection = v1Connection();
        List<JsonNode> read = new ArrayList<>();
        QueryPage page = client.query(connection, LIST, Map.of(), PageRequest.first(100));
        read.addAll(page.records());
        page = client.query(connection, LIST, Map.of(), page.next());
        read.addAll(page.records());

        // when the vendor expires every token, and paging goes on to the end
        assertThat(admin("POST", "/_admin/tokens/expire", "").path("expired").asInt()).isPositive();
        while (page.hasMore()) {
            page = client.query(connection, LIST, Map.of(), page.next());
            read.addAll(page.records());
        }

        // then the first page after expiry was refused once, a second token was fetched, and nothing was lost
        assertThat(callsTo(TOKEN)).hasSize(2);
        assertThat(read).hasSize(1000);
        assertThat(ids(read)).doesNotHaveDuplicates();
        // 10 full pages and the empty 11th that ends paging, plus the one call refused with the expired token
        assertThat(callsTo("/jdy/pur/pur_inbound_list")).hasSize(11 + 1);
    }

    @Test
    void aWrongClientSecretIsAnAuthErrorNamingTheConnectionAndWhatToFix() {
        // given a connection with a wrong client secret
        Connection connection = v1Connection("采购入库-测试连接", Map.of("clientSecret", "wrong"));

        // when it queries, then the refusal is AUTH, names the connection, quotes the vendor and says what to check
        assertThatThrownBy(() -> client.query(connection, LIST, Map.of(), PageRequest.first(10)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH);
                    assertThat(e.connectionName()).isEqualTo("采购入库-测试连接");
                    assertThat(e.vendorCode()).isEqualTo("10011");
                })
                .hasMessageContaining("connection '采购入库-测试连接'")
                .hasMessageContaining("client_secret")
                .hasMessageContaining("clientSecret");
        // and the token endpoint was asked once, never the business API
        assertThat(callsTo(TOKEN)).hasSize(1);
        assertThat(callsTo("/jdy/pur/pur_inbound_list")).isEmpty();
    }

    @Test
    void aWrongPasswordIsAnAuthError() {
        Connection connection = v1Connection("金蝶", Map.of("password", "not-it"));
        assertThatThrownBy(() -> client.query(connection, LIST, Map.of(), PageRequest.first(10)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH);
                    assertThat(e.vendorCode()).isEqualTo("10012");
                })
                .hasMessageContaining("password");
    }

    @Test
    void aMissingCredentialIsRefusedBeforeAnyCall() {
        Connection connection = new Connection("c-missing", "缺密码的连接", "kingdee-jdy", Map.of(
                "baseUrl", server.baseUrl(), "clientId", "yunqiao-demo", "clientSecret", "demo-secret-v1",
                "username", "demo"));
        assertThatThrownBy(() -> client.query(connection, LIST, Map.of(), PageRequest.first(10)))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH))
                .hasMessageContaining("缺密码的连接")
                .hasMessageContaining("'password'");
        assertThat(callsTo(TOKEN)).isEmpty();
    }

    @Test
    void usesTheAccountGroupNamedByAccountName() {
        // given a connection that names the second account group, by groupName and by accountId
        for (String accountName : List.of("demo-branch", "100002")) {
            Connection connection = v1Connection("分公司账套", Map.of("accountName", accountName));

            // then its calls are accepted (the sandbox checks groupName and accountId belong together)
            assertThat(client.query(connection, LIST, Map.of(), PageRequest.first(5)).records()).hasSize(5);
        }
    }

    @Test
    void anUnknownAccountNameIsAnAuthErrorListingTheUsersAccountGroups() {
        Connection connection = v1Connection("金蝶", Map.of("accountName", "总部账套"));
        assertThatThrownBy(() -> client.query(connection, LIST, Map.of(), PageRequest.first(10)))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH))
                .hasMessageContaining("总部账套")
                .hasMessageContaining("demo-group")
                .hasMessageContaining("demo-branch")
                .hasMessageContaining("accountName");
    }
}
