package io.aftercare.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The application's API under {@code /api}: HTTP Basic against Camunda's identity; 401 without
 * valid credentials, 403 when none of the user's groups may call the endpoint; both as problem
 * details. The reports dashboard ({@code /reports}) logs in with a form and reads the API with its
 * session; a write that rides on a session needs a CSRF token, a Basic one does not. Everything
 * else (webapps, engine REST) has Camunda's own security.
 */
@Configuration
class ApiSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain apiFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      IdentityService identity, ObjectMapper json) throws Exception {
    return http
        .securityMatcher("/api/**")
        .authenticationProvider(provider)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/api/products", "/api/products/**")
                .hasAnyAuthority(AftercareGroup.allIds())
            // master data from the brand's systems: the catalogue (also the process owners' CSV files),
            // customers and orders (the shop's feed: no process owner sees customers)
            .requestMatchers(HttpMethod.PUT, "/api/products/*", "/api/products/*/batches/*")
                .hasAnyAuthority(AftercareGroup.PROCESS_OWNER.id(), AftercareGroup.INTEGRATION.id(),
                    AftercareGroup.ADMIN.id())
            .requestMatchers("/api/imports", "/api/imports/**")
                .hasAnyAuthority(AftercareGroup.PROCESS_OWNER.id(), AftercareGroup.INTEGRATION.id(),
                    AftercareGroup.ADMIN.id())
            .requestMatchers(HttpMethod.PUT, "/api/customers/external/*")
                .hasAnyAuthority(AftercareGroup.INTEGRATION.id(), AftercareGroup.ADMIN.id())
            .requestMatchers("/api/orders", "/api/orders/**")
                .hasAnyAuthority(AftercareGroup.INTEGRATION.id(), AftercareGroup.ADMIN.id())
            // a case (masked contact, messages, timeline): those who work cases; process owners and the
            // data-protection officer see no customer's case (the officer has the person's export)
            .requestMatchers(HttpMethod.GET, "/api/cases/**")
                .hasAnyAuthority(AftercareGroup.AGENT.id(), AftercareGroup.RETURNS.id(), AftercareGroup.SAFETY.id(),
                    AftercareGroup.SUPERVISOR.id(), AftercareGroup.ADMIN.id())
            // the customer's survey link: the token is the credential (single use, expiring)
            .requestMatchers("/api/surveys/*").permitAll()
            // the unsubscribe link of a customer's e-mail (the token is the credential) and the SMS
            // gateway's replies (checked against its shared secret)
            .requestMatchers("/api/unsubscribe/*").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/sms/replies").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/customers/*/consent-withdrawal")
                .hasAnyAuthority(AftercareGroup.AGENT.id(), AftercareGroup.RETURNS.id(), AftercareGroup.SAFETY.id(),
                    AftercareGroup.SUPERVISOR.id(), AftercareGroup.ADMIN.id())
            .requestMatchers(HttpMethod.POST, "/api/adverse-reactions", "/api/adverse-reactions/*/follow-up")
                .hasAnyAuthority(AftercareGroup.AGENT.id(), AftercareGroup.SAFETY.id(),
                    AftercareGroup.SUPERVISOR.id(), AftercareGroup.ADMIN.id())
            .requestMatchers(HttpMethod.GET, "/api/adverse-reactions/**")
                .hasAnyAuthority(AftercareGroup.SAFETY.id(), AftercareGroup.SUPERVISOR.id(), AftercareGroup.ADMIN.id())
            .requestMatchers(HttpMethod.POST, "/api/returns")
                .hasAnyAuthority(AftercareGroup.AGENT.id(), AftercareGroup.RETURNS.id(),
                    AftercareGroup.SUPERVISOR.id(), AftercareGroup.ADMIN.id())
            // the warehouse's parcel scan
            .requestMatchers(HttpMethod.POST, "/api/returns/*/receipt")
                .hasAnyAuthority(AftercareGroup.RETURNS.id(), AftercareGroup.ADMIN.id())
            .requestMatchers(HttpMethod.GET, "/api/returns/**")
                .hasAnyAuthority(AftercareGroup.AGENT.id(), AftercareGroup.RETURNS.id(),
                    AftercareGroup.SUPERVISOR.id(), AftercareGroup.ADMIN.id())
            .requestMatchers(HttpMethod.GET, "/api/reports", "/api/reports/**")
                .hasAnyAuthority(AftercareGroup.SUPERVISOR.id(), AftercareGroup.ADMIN.id())
            .requestMatchers(HttpMethod.POST, "/api/complaints", "/api/cases/*/evidence", "/api/callbacks")
                .hasAnyAuthority(AftercareGroup.AGENT.id(), AftercareGroup.SUPERVISOR.id(), AftercareGroup.ADMIN.id())
            // a customer's full contact: a logged read with a purpose (io.aftercare.privacy.AccessLog)
            .requestMatchers(HttpMethod.GET, "/api/customers/*/contact")
                .hasAnyAuthority(AftercareGroup.AGENT.id(), AftercareGroup.RETURNS.id(), AftercareGroup.SAFETY.id(),
                    AftercareGroup.SUPERVISOR.id(), AftercareGroup.ADMIN.id())
            // a person's requests and the retention job: the data-protection officer
            .requestMatchers(HttpMethod.GET, "/api/customers/*/export", "/api/privacy/retention")
                .hasAnyAuthority(AftercareGroup.PRIVACY.id(), AftercareGroup.ADMIN.id())
            .requestMatchers(HttpMethod.POST, "/api/customers/*/erasure", "/api/privacy/retention")
                .hasAnyAuthority(AftercareGroup.PRIVACY.id(), AftercareGroup.ADMIN.id())
            // who read whose personal data: the data-protection officer and supervisors
            .requestMatchers(HttpMethod.GET, "/api/audit/access")
                .hasAnyAuthority(AftercareGroup.PRIVACY.id(), AftercareGroup.SUPERVISOR.id(), AftercareGroup.ADMIN.id())
            // the CSRF token of a browser session (the dashboard's writes)
            .requestMatchers(HttpMethod.GET, "/api/csrf").authenticated()
            .requestMatchers(HttpMethod.POST, "/api/notifications/*/requeue")
                .hasAnyAuthority(AftercareGroup.SUPERVISOR.id(), AftercareGroup.ADMIN.id())
            // moving running cases to a new version: Camunda checks MIGRATE_INSTANCE as well
            .requestMatchers("/api/processes/*/migration")
                .hasAnyAuthority(AftercareGroup.PROCESS_OWNER.id(), AftercareGroup.ADMIN.id())
            .anyRequest().hasAuthority(AftercareGroup.ADMIN.id()))
        .httpBasic(basic -> basic.realmName("Aftercare")
            .authenticationEntryPoint((request, response, e) ->
                problem(json, request, response, HttpStatus.UNAUTHORIZED,
                    "Log in with HTTP Basic as a Camunda user of Aftercare")))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint((request, response, e) ->
                problem(json, request, response, HttpStatus.UNAUTHORIZED,
                    "Log in with HTTP Basic as a Camunda user of Aftercare"))
            .accessDeniedHandler((request, response, e) ->
                problem(json, request, response, HttpStatus.FORBIDDEN,
                    "None of your groups may " + request.getMethod() + " " + request.getRequestURI())))
        // Basic creates no session; the dashboard's login session is used when there is one.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(ApiSecurity::ridesOnSession))
        .addFilterBefore(new WebappSessionAuthenticationFilter(identity), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identity), BasicAuthenticationFilter.class)
        .build();
  }

  /**
   * The dashboard's form login: the same Camunda users; the page is for supervisors and admins
   * (others get 403 after logging in). The login page ({@code GET /login}) and the log-out
   * question ({@code GET /logout}) are the dashboard's own, in its style (its stylesheet is open
   * to all): io.aftercare.reporting.DashboardController.
   */
  @Bean
  @Order(2)
  SecurityFilterChain dashboardFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
      throws Exception {
    return http
        .securityMatcher("/reports", "/reports/**", "/login", "/logout")
        .authenticationProvider(provider)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/login", "/logout", "/reports/reports.css").permitAll()
            .anyRequest().hasAnyAuthority(AftercareGroup.SUPERVISOR.id(), AftercareGroup.ADMIN.id()))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/reports/", false))
        // scripts and monitors may use Basic; browsers get the login form
        .httpBasic(basic -> basic.realmName("Aftercare"))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .build();
  }

  /** A write without an Authorization header from a browser that has a session: it needs the CSRF token. */
  private static boolean ridesOnSession(HttpServletRequest request) {
    String method = request.getMethod();
    boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
    // the customer's own links (survey, unsubscribe) carry their credential in the address
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean customerLink = path.startsWith("/api/surveys/") || path.startsWith("/api/unsubscribe/");
    return !safe && !customerLink && request.getHeader("Authorization") == null && request.getSession(false) != null;
  }

  private static void problem(ObjectMapper json, HttpServletRequest request,
      HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    if (status == HttpStatus.UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Aftercare\"");
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
