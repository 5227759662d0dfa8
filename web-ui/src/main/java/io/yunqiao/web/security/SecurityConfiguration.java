package io.yunqiao.web.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Four doors: the sandboxes (open: they check vendor signatures themselves), the actuator (health probes open,
 * metrics for signed-in users over HTTP Basic or an API token), the REST API (HTTP Basic or an API token, no
 * session, roles per method), and the Vaadin UI (login form; each view says who may open it).
 *
 * <p>Every password check, of the login form and of HTTP Basic, goes through the {@link LoginThrottle}. The API,
 * the actuator and the UI answer with a Content-Security-Policy, a Referrer-Policy and no framing; the UI's forms
 * (the login form included) need Spring's CSRF token, the API's changes a same-origin or script caller
 * ({@link CrossSiteRequestFilter}).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * Plain path patterns: with the sandbox and Vaadin servlets beside Spring MVC's, string matchers would be tied
     * to one servlet and miss the others.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    private final String contentSecurityPolicy;

    SecurityConfiguration(@Value("${yunqiao.security.content-security-policy}") String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock,
            @Value("${yunqiao.security.login.user-free-attempts:5}") int userFree,
            @Value("${yunqiao.security.login.user-lockout-attempts:10}") int userLockAt,
            @Value("${yunqiao.security.login.address-free-attempts:10}") int addressFree,
            @Value("${yunqiao.security.login.address-lockout-attempts:30}") int addressLockAt,
            @Value("${yunqiao.security.login.first-delay:1s}") Duration firstDelay,
            @Value("${yunqiao.security.login.max-delay:30s}") Duration maxDelay,
            @Value("${yunqiao.security.login.lockout:15m}") Duration lockout,
            @Value("${yunqiao.security.login.reset-after:1h}") Duration resetAfter,
            @Value("${yunqiao.security.login.max-entries:10000}") int maxEntries) {
        return new LoginThrottle(new LoginThrottle.Limits(userFree, userLockAt, addressFree, addressLockAt, firstDelay,
                maxDelay, lockout, resetAfter, maxEntries), clock);
    }

    /** The one password check of the login form and HTTP Basic: throttled, logged, then BCrypt. */
    @Bean
    AuthenticationManager passwordSignIn(UserAccounts users, PasswordEncoder encoder, LoginThrottle throttle,
            Clock clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledPasswordCheck(passwords, throttle, clock));
    }

    /**
     * The vendor-facing sandbox paths stay open (they check the vendors' signatures themselves, as the vendors
     * do); their administration (reset, faults, calls, stored data) is for administrators, over HTTP Basic like the
     * REST API.
     */
    @Bean
    @Order(1)
    SecurityFilterChain sandboxes(HttpSecurity http, AuthenticationManager passwordSignIn) throws Exception {
        return http.securityMatcher(path("/sandbox/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/sandbox/*/_admin"), path("/sandbox/*/_admin/**"))
                        .hasRole(Role.ADMIN.name())
                        .anyRequest().permitAll())
                // the same throttled password check as everywhere, so the admin door is no way around the lockout
                .authenticationManager(passwordSignIn)
                .httpBasic(basic -> basic.authenticationEntryPoint(SignInAnswers.api()))
                // the first start's one-time password opens nothing but choosing a password, here neither
                .addFilterAfter(new OneTimePasswordFilter(), BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(SignInAnswers.api()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, AuthenticationManager passwordSignIn, ApiTokens tokens)
            throws Exception {
        http.securityMatcher(path("/actuator/**"))
                .authorizeHttpRequests(requests -> requests
                        // probes must answer without credentials; details stay for signed-in users
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        .anyRequest().hasRole(Role.VIEWER.name()));
        return scriptDoor(http, passwordSignIn, tokens).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager passwordSignIn, ApiTokens tokens)
            throws Exception {
        String viewer = Role.VIEWER.name();
        String operator = Role.OPERATOR.name();
        String admin = Role.ADMIN.name();
        http.securityMatcher(path("/api/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/api/docs/**"), path("/api/docs")).permitAll()
                        // The plugins folder's path and jar names are the operator's business.
                        .requestMatchers(path(HttpMethod.GET, "/api/plugins")).hasRole(admin)
                        // A solution's versions hold its whole saved text (the signing secret sealed, the robot's
                        // access token in its URL), and an export is for copying it elsewhere: administrators only,
                        // as in the editor.
                        .requestMatchers(path(HttpMethod.GET, "/api/solutions/*/versions"),
                                path(HttpMethod.GET, "/api/solutions/*/export")).hasRole(admin)
                        // People, roles and sign-in locks: administrators only, reading included, as the Users
                        // screen.
                        .requestMatchers(path("/api/users"), path("/api/users/**")).hasRole(admin)
                        .requestMatchers(path(HttpMethod.GET, "/api/**")).hasRole(viewer)
                        // A mapping preview changes nothing: anyone who may read may try one.
                        .requestMatchers(path(HttpMethod.POST, "/api/mappings/preview")).hasRole(viewer)
                        .requestMatchers(path(HttpMethod.POST, "/api/solutions/*/runs"),
                                path(HttpMethod.POST, "/api/solutions/*/enabled"),
                                path(HttpMethod.POST, "/api/runs/*/repush"),
                                path(HttpMethod.POST, "/api/connections/*/test")).hasRole(operator)
                        // the maintenance mode pauses and resumes schedules, as switching solutions does
                        .requestMatchers(path(HttpMethod.PUT, "/api/maintenance")).hasRole(operator)
                        .anyRequest().hasRole(admin));
        return scriptDoor(http, passwordSignIn, tokens).build();
    }

    /**
     * The API and the actuator: HTTP Basic or a bearer token, no session, so no CSRF token either: cross-site
     * changes are refused by where the browser says they come from.
     */
    private HttpSecurity scriptDoor(HttpSecurity http, AuthenticationManager passwordSignIn, ApiTokens tokens)
            throws Exception {
        return hardened(http)
                .authenticationManager(passwordSignIn)
                .addFilterBefore(new CrossSiteRequestFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .addFilterAfter(new OneTimePasswordFilter(), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(SignInAnswers.api()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(SignInAnswers.api()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }

    @Bean
    @Order(4)
    SecurityFilterChain ui(HttpSecurity http, AuthenticationManager passwordSignIn, RequestUtil vaadinRequests)
            throws Exception {
        // Our own scripts and styles load at runtime from these paths (docs/development.md): the login page needs them too.
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(path("/webjars/**"), path("/styles/**"), path("/js/**"), path("/images/**"),
                        // where a 401 or 403 of the API is rendered: behind a login redirect it would turn into 302
                        path("/error"))
                .permitAll());
        hardened(http).authenticationManager(passwordSignIn)
                // Vaadin's own requests carry Vaadin's CSRF token; everything else, the login form included (its
                // page holds Spring's token in a meta tag, CsrfMetaTags, which Vaadin's login form sends), needs
                // Spring's.
                // A login form whose token no longer matches (the page stayed open past its session, or a sign-out
                // replaced the session while the page loaded) goes back to a fresh login page that says so, not to an
                // error page: nobody is signed in either way.
                .csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                        .withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                            @Override
                            public <O extends CsrfFilter> O postProcess(O filter) {
                                filter.setAccessDeniedHandler(
                                        SignInAnswers.expiredLoginForm(path(HttpMethod.POST, "/login")));
                                return filter;
                            }
                        }))
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                        .enableCsrfConfiguration(false));
        // After Vaadin's configurer, so that the login page is Vaadin's view by the time the form login initialises
        // (before it, Spring would generate its own login page).
        return http.formLogin(form -> form.failureHandler(SignInAnswers.loginForm())).build();
    }

    private HttpSecurity hardened(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frames -> frames.deny()));
    }
}
