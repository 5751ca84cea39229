package io.aftercare.security;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Prints where Aftercare answers and, in demo mode only, the demo users and their password. */
@Component
@Order(StartupOrder.BANNER)
class StartupBanner implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

  private final Environment environment;
  private final DemoProperties demo;
  private final AdminProperties admin;

  StartupBanner(Environment environment, DemoProperties demo, AdminProperties admin) {
    this.environment = environment;
    this.demo = demo;
    this.admin = admin;
  }

  @Override
  public void run(ApplicationArguments args) {
    String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
    StringBuilder text = new StringBuilder("\n\n  Aftercare is running\n")
        .append("    Tasklist, Cockpit, Admin  ").append(base).append("/camunda/app/\n")
        .append("    Engine REST API           ").append(base).append("/engine-rest\n")
        .append("    Aftercare API             ").append(base).append("/api\n")
        .append("    Reports (supervisors)     ").append(base).append("/reports\n");
    if ("true".equals(environment.getProperty("aftercare.directory.enabled"))) {
      text.append("  Users: the company directory (").append(environment.getProperty("aftercare.directory.ldap.server-url"))
          .append("), its groups mapped by aftercare.directory.groups\n");
    } else if (demo.enabled()) {
      String users = Arrays.stream(AftercareGroup.values())
          .map(g -> String.format("      %-11s (%s)", g == AftercareGroup.ADMIN ? admin.id() : g.demoUser(), g.id()))
          .collect(Collectors.joining("\n"));
      text.append("  Demo mode — users, all with the password '").append(demo.password()).append("':\n")
          .append(users).append('\n');
    }
    LOG.info("{}", text);
  }
}
