package io.aftercare.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A link a Tasklist form offers ("Show full contact", the regulator's printable report) opens with
 * the Tasklist login: a GET to {@code /api} without credentials, from a browser logged in to
 * Camunda's webapps, acts as that user with their groups. Reads only: a write still needs HTTP
 * Basic or the dashboard's session with its CSRF token. A link on another site does not count
 * (the browser's {@code Sec-Fetch-Site}: a page elsewhere cannot make a logged-in agent read a
 * customer's contact), and the user's groups are read afresh, not taken from the session.
 */
final class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";
  /** SessionManagementFilter's marker that it has seen the request (its constant is private). */
  static final String SESSION_MANAGEMENT_APPLIED = "__spring_security_session_mgmt_filter_applied";

  private final IdentityService identity;

  WebappSessionAuthenticationFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    String site = request.getHeader("Sec-Fetch-Site");
    boolean fromHere = site == null || site.equals("same-origin") || site.equals("none");
    if (session != null && fromHere && "GET".equals(request.getMethod()) && request.getHeader("Authorization") == null
        && (SecurityContextHolder.getContext().getAuthentication() == null
            || !SecurityContextHolder.getContext().getAuthentication().isAuthenticated())) {
      Authentications webapps = AuthenticationUtil.getAuthsFromSession(session);
      if (webapps != null && webapps.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user.getIdentityId()).list()
            .stream().map(group -> new SimpleGrantedAuthority(group.getId())).toList();
        SecurityContextHolder.getContext().setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, groups));
        // not a login: Spring Security's session-fixation protection would change the session's id
        // here, and the webapp's requests still in flight with the old id (Tasklist's own, or the
        // Case tab's other reads) would be answered 401; Camunda's login protected this session
        request.setAttribute(SESSION_MANAGEMENT_APPLIED, Boolean.TRUE);
      }
    }
    chain.doFilter(request, response);
  }
}
