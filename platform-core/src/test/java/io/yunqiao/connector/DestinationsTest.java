package io.yunqiao.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules for where a connection may send: URL form, allow-list, private addresses, the platform's own. */
class DestinationsTest {

    /** A resolver with fixed answers, so that no test asks a real DNS server. */
    private static Destinations.Resolver resolving(Map<String, String> answers) {
        return host -> {
            String address = answers.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        };
    }

    private static Destinations refusingPrivate(Map<String, String> dns) {
        return new Destinations(List.of(), true, PlatformAddresses.NONE, resolving(dns));
    }

    private static String codeOf(Optional<Destinations.Refusal> refusal) {
        return refusal.map(Destinations.Refusal::code).orElse("accepted");
    }

    @Test
    void httpsAndHttpAddressesWithAHostAreAccepted() {
        assertThat(Destinations.ANY.check("https://api.kingdee.com")).isEmpty();
        assertThat(Destinations.ANY.check("http://open.jackyun.com/open/openapi/do")).isEmpty();
        assertThat(Destinations.ANY.check("  https://api.example.com:8443/v1  ")).isEmpty();
    }

    @Test
    void otherSchemesAreRefusedNamingTheScheme() {
        assertThat(Destinations.ANY.check("file:///etc/passwd")).get().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo("problem.connection.urlScheme");
            assertThat(refusal.params()).containsExactly("file:///etc/passwd", "file");
        });
        assertThat(codeOf(Destinations.ANY.check("javascript:alert(1)"))).isEqualTo("problem.connection.urlScheme");
        assertThat(codeOf(Destinations.ANY.check("ftp://files.example.com/"))).isEqualTo(
                "problem.connection.urlScheme");
    }

    @Test
    void anAddressWithoutSchemeIsRefused() {
        assertThat(codeOf(Destinations.ANY.check("api.kingdee.com/path"))).isEqualTo(
                "problem.connection.urlNoScheme");
    }

    @Test
    void anAddressWithoutHostIsRefused() {
        assertThat(codeOf(Destinations.ANY.check("http:///etc/passwd"))).isEqualTo("problem.connection.urlNoHost");
        assertThat(codeOf(Destinations.ANY.check("https:relative"))).isEqualTo("problem.connection.urlNoHost");
    }

    @Test
    void userInfoInTheAddressIsRefused() {
        assertThat(Destinations.ANY.check("https://user:pw@api.example.com/")).get().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo("problem.connection.urlUserInfo");
            assertThat(refusal.params()).containsExactly("https://***@api.example.com/");
        });
    }

    @Test
    void anAddressThatDoesNotParseIsRefused() {
        assertThat(codeOf(Destinations.ANY.check("https://api example.com"))).isEqualTo(
                "problem.connection.urlMalformed");
        assertThat(codeOf(Destinations.ANY.check(" "))).isEqualTo("problem.connection.urlMalformed");
    }

    @Test
    void theAllowListTakesExactHostsAndSubdomainPatterns() {
        Destinations rules = new Destinations(List.of("api.kingdee.com", " *.Jackyun.com "), false,
                PlatformAddresses.NONE);

        assertThat(rules.check("https://api.kingdee.com/jdy")).isEmpty();
        assertThat(rules.check("https://API.Kingdee.com")).isEmpty();
        assertThat(rules.check("https://open.jackyun.com/open/openapi/do")).isEmpty();
        assertThat(rules.check("https://a.b.jackyun.com")).isEmpty();
        assertThat(codeOf(rules.check("https://jackyun.com"))).isEqualTo("problem.connection.hostNotAllowed");
        assertThat(codeOf(rules.check("https://evil-jackyun.com"))).isEqualTo("problem.connection.hostNotAllowed");
        assertThat(codeOf(rules.check("https://api.kingdee.com.evil.org"))).isEqualTo(
                "problem.connection.hostNotAllowed");
        assertThat(rules.check("https://evil.org")).get().extracting(Destinations.Refusal::params)
                .isEqualTo(List.of("evil.org", "api.kingdee.com, *.jackyun.com"));
    }

    @Test
    void privateLoopbackLinkLocalAndUnspecifiedAddressesAreRefusedWhenAsked() {
        Destinations rules = refusingPrivate(Map.of());
        for (String url : List.of("http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/",
                "http://127.0.0.1:8080/", "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/",
                "http://[::1]/", "http://[fe80::1]/", "http://[fd00::1]/", "http://100.64.0.1/",
                "http://[::ffff:127.0.0.1]/")) {
            assertThat(codeOf(rules.check(url))).as(url).isEqualTo("problem.connection.privateAddress");
        }
        // shorthand forms of 127.0.0.1 are refused too (as no host name, or as the address they stand for)
        assertThat(rules.check("http://127.1/")).isPresent();
        assertThat(rules.check("http://2130706433/")).isPresent();
        assertThat(rules.check("http://8.8.8.8/")).isEmpty();
        assertThat(Destinations.ANY.check("http://127.0.0.1:8080/")).isEmpty();
    }

    @Test
    void aNameIsJudgedByTheAddressItResolvesTo() {
        Destinations rules = refusingPrivate(Map.of("intranet.example.com", "10.0.0.7",
                "api.example.com", "203.0.113.10"));

        assertThat(rules.check("https://intranet.example.com/api")).get().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo("problem.connection.privateAddress");
            assertThat(refusal.params()).containsExactly("intranet.example.com", "10.0.0.7");
        });
        assertThat(rules.check("https://api.example.com/")).isEmpty();
    }

    @Test
    void aNameThatLaterResolvesToAPrivateAddressIsRefusedBeforeSending() {
        Map<String, String> dns = new java.util.HashMap<>(Map.of("api.example.com", "203.0.113.10"));
        Destinations rules = new Destinations(List.of(), true, PlatformAddresses.NONE, resolving(dns));
        assertThat(rules.check("https://api.example.com/")).isEmpty();

        dns.put("api.example.com", "127.0.0.1");

        assertThat(codeOf(rules.checkBeforeSending(URI.create("https://api.example.com/x")))).isEqualTo(
                "problem.connection.privateAddressWhenSending");
    }

    @Test
    void anUnresolvableNamePassesOnSaveForItMayResolveOnlyWhereThePlatformRuns() {
        assertThat(refusingPrivate(Map.of()).check("https://erp.internal-only.example/")).isEmpty();
    }

    @Test
    void thePlatformsOwnAddressesPassEveryRule() {
        URI own = URI.create("http://127.0.0.1:8080/sandbox/jackyun/open/openapi/do");
        Destinations rules = new Destinations(List.of("api.kingdee.com"), true, own::equals, resolving(Map.of()));

        assertThat(rules.check(own.toString())).isEmpty();
        assertThat(rules.checkBeforeSending(own)).isEmpty();
        assertThat(codeOf(rules.check("http://127.0.0.1:8081/sandbox/jackyun/open/openapi/do"))).isEqualTo(
                "problem.connection.hostNotAllowed");
    }

    @Test
    void badSchemesAreRefusedBeforeSendingToo() {
        assertThat(codeOf(Destinations.ANY.checkBeforeSending("file:///etc/passwd"))).isEqualTo(
                "problem.connection.urlScheme");
    }

    @Test
    void everyRefusalHasATextInEnglish() {
        assertThat(Destinations.ANY.check("file:///x").orElseThrow().english()).startsWith("The address file:///x")
                .doesNotContain("!{");
    }
}
