package io.yunqiao.web.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Four doors: the sandboxes (open: they check vendor signatures themselves), the actuator (health probes open,
 * metrics for signed-in users over HTTP Basic), the REST API (HTTP Basic, no session, roles per method), and the
 * Vaadin UI (login form; each view says who may open it).
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

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * The vendor-facing sandbox paths stay open (they check the vendors' signatures themselves, as the vendors
     * do); their administration (reset, faults, calls, stored data) is for administrators, over HTTP Basic like the
     * REST API.
     */
    @Bean
    @Order(1)
    SecurityFilterChain sandboxes(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/sandbox/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/sandbox/*/_admin"), path("/sandbox/*/_admin/**"))
                        .hasRole(Role.ADMIN.name())
                        .anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/actuator/**"))
                .authorizeHttpRequests(requests -> requests
                        // probes must answer without credentials; details stay for signed-in users
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        .anyRequest().hasRole(Role.VIEWER.name()))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        String viewer = Role.VIEWER.name();
        String operator = Role.OPERATOR.name();
        String admin = Role.ADMIN.name();
        return http.securityMatcher(path("/api/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/api/docs/**"), path("/api/docs")).permitAll()
                        .requestMatchers(path(HttpMethod.GET, "/api/**")).hasRole(viewer)
                        // A mapping preview changes nothing: anyone who may read may try one.
                        .requestMatchers(path(HttpMethod.POST, "/api/mappings/preview")).hasRole(viewer)
                        .requestMatchers(path(HttpMethod.POST, "/api/solutions/*/runs"),
                                path(HttpMethod.POST, "/api/solutions/*/enabled"),
                                path(HttpMethod.POST, "/api/runs/*/repush"),
                                path(HttpMethod.POST, "/api/connections/*/test")).hasRole(operator)
                        .anyRequest().hasRole(admin))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain ui(HttpSecurity http) throws Exception {
        // Our own scripts and styles load at runtime from these paths (stack.md): the login page needs them too.
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(path("/webjars/**"), path("/styles/**"), path("/js/**"), path("/images/**"),
                        // where a 401 or 403 of the API is rendered: behind a login redirect it would turn into 302
                        path("/error"))
                .permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }
}
