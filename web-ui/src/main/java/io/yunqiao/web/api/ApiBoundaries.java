package io.yunqiao.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.yunqiao.limit.InputLimits;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What guards the REST API outside its controllers: the body-size limit, JSON 404 for unknown paths, and problem
 * JSON from Spring Boot's {@code /error} for API paths.
 */
@Configuration(proxyBeanMethods = false)
class ApiBoundaries {

    /** Before Spring Security (-100), so an oversized body is refused before a password is even checked. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(InputLimits limits, ObjectMapper json) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(limits.requestBody().toBytes(), json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    UnknownApiPaths unknownApiPaths(ObjectMapper json) {
        return new UnknownApiPaths(json);
    }

    @Bean
    ErrorAttributes errorAttributes() {
        return new ApiErrorAttributes();
    }
}
