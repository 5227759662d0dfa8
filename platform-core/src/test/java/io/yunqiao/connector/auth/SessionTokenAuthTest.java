package io.yunqiao.connector.auth;

import static io.yunqiao.connector.auth.AuthFixtures.connection;
import static io.yunqiao.connector.auth.AuthFixtures.get;
import static io.yunqiao.connector.auth.AuthFixtures.scheme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yunqiao.connector.AuthScheme;
import io.yunqiao.connector.Connection;
import io.yunqiao.connector.ConnectorException;
import io.yunqiao.connector.ErrorClass;
import io.yunqiao.connector.OutgoingRequest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Login and context calls whose answers fill values that every request then carries. */
class SessionTokenAuthTest {

    /** Like Kingdee V1: a form login, then an account list to pick from, then a token query and two headers. */
    private static final String LOGIN_THEN_ACCOUNT = """
            type: session-token
            steps:
              - method: POST
                path: /auth/token
                body: form
                values:
                  app: "{{connection.appKey}}"
                  secret: "{{connection.appSecret}}"
                extract: { accessToken: data.access_token }
                expiresIn: data.expires_in
              - method: POST
                path: /accounts
                query: { access_token: "{{session.accessToken}}" }
                select:
                  list: data.groups
                  match: [name, id]
                  value: "{{connection.account}}"
                extract: { accountName: name, accountId: id }
            apply:
              query: { access_token: "{{session.accessToken}}" }
              headers: { groupName: "{{session.accountName}}", accountId: "{{session.accountId}}" }
            refreshBefore: 300
            """;

    private static final String TOKEN = "{\"code\":0,\"data\":{\"access_token\":\"tk-1\",\"expires_in\":7200}}";
    private static final String ACCOUNTS = "{\"code\":0,\"data\":[{\"groups\":[{\"name\":\"总部账套\",\"id\":\"A1\"},"
            + "{\"name\":\"branch\",\"id\":\"B2\"}]}]}";

    private final AuthScheme scheme = scheme(LOGIN_THEN_ACCOUNT);

    private OutgoingRequest authenticated(Connection connection, AuthFixtures.FakeContext context) {
        OutgoingRequest request = get("/things");
        scheme.authenticate(connection, request, context);
        return request;
    }

    @Test
    void logsInPicksTheFirstAccountAndSendsTokenAndHeaders() {
        // given a login answer and an account list
        AuthFixtures.FakeContext context = new AuthFixtures.FakeContext().answering(TOKEN, ACCOUNTS);

        // when a request is authenticated for a connection that names no account
        OutgoingRequest request = authenticated(connection(Map.of()), context);

        // then the login was a form with the credentials, the account call carried the token
        HttpRequest login = context.sent.get(0);
        assertThat(login.uri().toString()).isEqualTo("http://api.test/v1/auth/token");
        assertThat(AuthFixtures.FakeContext.body(login)).isEqualTo("app=key-1&secret=secret-1");
        assertThat(context.sent.get(1).uri().toString()).isEqualTo("http://api.test/v1/accounts?access_token=tk-1");
        assertThat(AuthFixtures.FakeContext.body(context.sent.get(1))).isEqualTo("{}");
        // and the request carries the token and the first account, its Chinese name URL-encoded in the header
        assertThat(request.query()).containsEntry("access_token", "tk-1");
        assertThat(request.headers()).containsEntry("groupName", "%E6%80%BB%E9%83%A8%E8%B4%A6%E5%A5%97")
                .containsEntry("accountId", "A1");
    }

    @Test
    void selectsTheAccountTheConnectionNamesByAnyMatchField() {
        AuthFixtures.FakeContext context = new AuthFixtures.FakeContext().answering(TOKEN, ACCOUNTS);
        OutgoingRequest request = authenticated(connection(Map.of("account", "B2")), context);
        assertThat(request.headers()).containsEntry("groupName", "branch").containsEntry("accountId", "B2");
    }

    @Test
    void anAccountThatDoesNotExistIsAnAuthErrorListingTheChoices() {
        AuthFixtures.FakeContext context = new AuthFixtures.FakeContext().answering(TOKEN, ACCOUNTS);
        assertThatThrownBy(() -> authenticated(connection(Map.of("account", "分公司")), context))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH))
                .hasMessageContaining("分公司")
                .hasMessageContaining("name=总部账套, id=A1")
                .hasMessageContaining("name=branch, id=B2")
                .hasMessageContaining("connection field account");
    }

    @Test
    void anAnswerWithoutTheTokenIsAnAuthErrorNamingThePath() {
        AuthFixtures.FakeContext context = new AuthFixtures.FakeContext().answering("{\"code\":0,\"data\":{}}");
        assertThatThrownBy(() -> authenticated(connection(Map.of()), context))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH))
                .hasMessageContaining("data.access_token");
    }

    @Test
    void theSessionIsCachedUntilShortlyBeforeItExpiresThenRenewed() {
        // given a session obtained now, valid 7200 s (renewed 300 s early)
        AuthFixtures.FakeContext context = new AuthFixtures.FakeContext().answering(TOKEN, ACCOUNTS);
        Connection connection = connection(Map.of());
        authenticated(connection, context);

        // when used again within its lifetime, then nobody logs in again
        context.advance(Duration.ofSeconds(6899));
        authenticated(connection, context);
        assertThat(context.sent).hasSize(2);

        // when used after the renewal point, then it logs in again
        context.advance(Duration.ofSeconds(2));
        authenticated(connection, context);
        assertThat(context.sent).hasSize(4);
    }

    @Test
    void invalidateForgetsTheSessionSoTheNextCallLogsIn() {
        AuthFixtures.FakeContext context = new AuthFixtures.FakeContext().answering(TOKEN, ACCOUNTS);
        Connection connection = connection(Map.of());
        authenticated(connection, context);

        assertThat(scheme.invalidate(connection)).isTrue();
        authenticated(connection, context);
        assertThat(context.sent).hasSize(4);
    }

    @Test
    void masksEveryValueTemplatedFromASessionValueOrASecret() {
        assertThat(scheme.maskedFields()).containsExactlyInAnyOrder("access_token", "groupName", "accountId",
                "secret");
    }

    @Test
    void withoutExpiryInTheAnswerTheDefaultLifetimeApplies() {
        // given a scheme with a 600 s default lifetime and an answer that names none
        AuthScheme shortLived = scheme("""
                type: session-token
                steps:
                  - { method: GET, path: /token, values: { app: "{{connection.appKey}}" }, extract: { t: token } }
                apply: { headers: { X-Token: "{{session.t}}" } }
                lifetime: 600
                """);
        AuthFixtures.FakeContext context = new AuthFixtures.FakeContext().answering("{\"token\":\"x\"}");
        Connection connection = connection(Map.of());
        OutgoingRequest request = get("/things");
        shortLived.authenticate(connection, request, context);
        assertThat(context.sent.get(0).uri().toString()).isEqualTo("http://api.test/v1/token?app=key-1");
        assertThat(request.headers()).containsEntry("X-Token", "x");

        // when 541 s later (a tenth of 600 s early), then it logs in again
        context.advance(Duration.ofSeconds(541));
        shortLived.authenticate(connection, get("/things"), context);
        assertThat(context.sent).hasSize(2);
    }
}
