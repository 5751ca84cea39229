package io.aftercare.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist submits start and task forms to the webapps' own engine API
 * ({@code /camunda/api/engine}), a JAX-RS application Camunda registers with fixed providers: a
 * form the API's rules refuse comes out of it as a 500 carrying only the exception's message.
 * This filter answers such a submission as {@code /api} and {@code /engine-rest} do: 400 problem
 * details naming each bad field by its form key ({@link InvalidRequestMapper}'s body), with the
 * {@code message} Tasklist shows.
 */
@Configuration
class WebappFormErrors {

  @Bean
  FilterRegistrationBean<Filter> webappFormErrorsFilter(ObjectMapper json,
      org.springframework.beans.factory.ObjectProvider<FieldLabels> labels) {
    Filter filter = (request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      if (!"POST".equals(http.getMethod())) {
        chain.doFilter(request, response);
        return;
      }
      ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper((HttpServletResponse) response);
      InvalidRequestException.LAST.remove();
      try {
        chain.doFilter(request, cached);
        InvalidRequestException invalid = InvalidRequestException.LAST.get();
        if (cached.getStatus() == 500 && invalid != null
            && new String(cached.getContentAsByteArray(), StandardCharsets.UTF_8).contains("InvalidRequestException")) {
          cached.resetBuffer();
          jakarta.ws.rs.core.Response mapped = new InvalidRequestMapper(labels.getIfAvailable(() -> FieldLabels.NONE))
              .toResponse(invalid);
          cached.setStatus(400);
          cached.setContentType("application/problem+json");
          cached.setCharacterEncoding("UTF-8");
          cached.getOutputStream().write(json.writeValueAsBytes(mapped.getEntity()));
        }
      } finally {
        InvalidRequestException.LAST.remove();
        cached.copyBodyToResponse();
      }
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/camunda/api/engine/*");
    registration.setName("webappFormErrors");
    return registration;
  }
}
