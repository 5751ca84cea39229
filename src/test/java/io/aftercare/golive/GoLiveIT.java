package io.aftercare.golive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import io.aftercare.AftercareApplication;
import io.aftercare.support.Http;
import io.aftercare.support.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * From an empty database to a first complaint, as the README's production section does it: start
 * with the {@code postgres} profile (on CI's PostgreSQL run, in a database of its own; on the H2
 * run an empty in-memory one) and the company directory (an in-process LDAP server), import the
 * sample catalogue as a directory process owner, register a complaint as a directory agent, and
 * find its triage task in the agent's list. Staff log in with their directory passwords; their
 * directory groups are mapped to Aftercare's.
 */
class GoLiveIT {

  static final String LDIF = """
      dn: dc=brand,dc=example
      objectClass: top
      objectClass: domain
      dc: brand

      dn: ou=people,dc=brand,dc=example
      objectClass: organizationalUnit
      ou: people

      dn: ou=groups,dc=brand,dc=example
      objectClass: organizationalUnit
      ou: groups

      dn: uid=li.na,ou=people,dc=brand,dc=example
      objectClass: inetOrgPerson
      uid: li.na
      cn: Li Na
      givenName: Na
      sn: Li
      mail: li.na@brand.example
      userPassword: Agent-Pass-1

      dn: uid=wei.chen,ou=people,dc=brand,dc=example
      objectClass: inetOrgPerson
      uid: wei.chen
      cn: Chen Wei
      givenName: Wei
      sn: Chen
      mail: wei.chen@brand.example
      userPassword: Owner-Pass-1

      dn: uid=sam.visitor,ou=people,dc=brand,dc=example
      objectClass: inetOrgPerson
      uid: sam.visitor
      cn: Sam Visitor
      sn: Visitor
      userPassword: Visitor-Pass-1

      dn: uid=marie.dupont,ou=people,dc=brand,dc=example
      objectClass: inetOrgPerson
      uid: marie.dupont
      cn: Marie Dupont
      givenName: Marie
      sn: Dupont
      mail: marie.dupont@brand.example
      userPassword: Agent-Pass-2

      dn: cn=cs-agents-paris,ou=groups,dc=brand,dc=example
      objectClass: groupOfNames
      cn: cs-agents-paris
      member: uid=marie.dupont,ou=people,dc=brand,dc=example

      dn: cn=camunda-admin,ou=groups,dc=brand,dc=example
      objectClass: groupOfNames
      cn: camunda-admin
      member: uid=sam.visitor,ou=people,dc=brand,dc=example

      dn: cn=cs-agents-shanghai,ou=groups,dc=brand,dc=example
      objectClass: groupOfNames
      cn: cs-agents-shanghai
      member: uid=li.na,ou=people,dc=brand,dc=example

      dn: cn=quality-process-owners,ou=groups,dc=brand,dc=example
      objectClass: groupOfNames
      cn: quality-process-owners
      member: uid=wei.chen,ou=people,dc=brand,dc=example

      dn: cn=marketing,ou=groups,dc=brand,dc=example
      objectClass: groupOfNames
      cn: marketing
      member: uid=sam.visitor,ou=people,dc=brand,dc=example
      """;

  static InMemoryDirectoryServer directory;
  static ConfigurableApplicationContext application;
  static String database;
  static Http http;

  @BeforeAll
  static void startFromEmpty() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=brand,dc=example");
    config.addAdditionalBindCredentials("cn=aftercare,dc=brand,dc=example", "Manager-Pass-1");
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
    config.setSchema(null);
    directory = new InMemoryDirectoryServer(config);
    directory.importFromLDIF(true, new LDIFReader(new ByteArrayInputStream(LDIF.getBytes(StandardCharsets.UTF_8))));
    directory.startListening();

    Map<String, Object> settings = new HashMap<>();
    settings.put("server.port", 0);
    settings.put("aftercare.directory.enabled", true);
    settings.put("aftercare.directory.ldap.server-url", "ldap://127.0.0.1:" + directory.getListenPort() + "/");
    settings.put("aftercare.directory.ldap.manager-dn", "cn=aftercare,dc=brand,dc=example");
    settings.put("aftercare.directory.ldap.manager-password", "Manager-Pass-1");
    settings.put("aftercare.directory.ldap.base-dn", "dc=brand,dc=example");
    settings.put("aftercare.directory.ldap.user-search-base", "ou=people");
    settings.put("aftercare.directory.ldap.user-search-filter", "(objectclass=inetOrgPerson)");
    settings.put("aftercare.directory.ldap.group-search-base", "ou=groups");
    settings.put("aftercare.directory.ldap.group-search-filter", "(objectclass=groupOfNames)");
    settings.put("aftercare.directory.ldap.group-id-attribute", "cn");
    settings.put("aftercare.directory.ldap.group-member-attribute", "member");
    settings.put("aftercare.directory.ldap.user-firstname-attribute", "givenName");
    settings.put("aftercare.directory.ldap.user-email-attribute", "mail");
    settings.put("aftercare.directory.ldap.sort-control-supported", false);
    settings.put("aftercare.directory.groups.[cs-agents-shanghai]", "agent");
    settings.put("aftercare.directory.groups.[CS-Agents-Paris]", "agent");
    settings.put("aftercare.directory.groups.[quality-process-owners]", "process-owner");
    if (TestDatabase.isPostgres()) {
      String url = System.getenv().getOrDefault("POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
      String server = url.substring(0, url.lastIndexOf('/') + 1);
      database = "aftercare_golive_" + System.currentTimeMillis();
      try (Connection admin = DriverManager.getConnection(url, user(), System.getenv().getOrDefault("POSTGRES_PASSWORD", ""))) {
        admin.createStatement().execute("create database " + database);
      }
      settings.put("spring.datasource.url", server + database);
    } else {
      settings.put("spring.datasource.url", "jdbc:h2:mem:golive;DB_CLOSE_DELAY=-1");
      settings.put("spring.datasource.username", "sa");
      settings.put("spring.datasource.password", "");
    }
    settings.put("spring.datasource.username", TestDatabase.isPostgres() ? user() : "sa");
    // as command-line arguments: they win over the profile's settings, as a deployment's would
    application = new SpringApplicationBuilder(AftercareApplication.class)
        .profiles("postgres")
        .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    http = new Http(Integer.parseInt(application.getEnvironment().getProperty("local.server.port")));
  }

  private static String user() {
    return System.getenv().getOrDefault("POSTGRES_USER", "postgres");
  }

  @AfterAll
  static void stop() throws Exception {
    if (application != null) {
      application.close();
    }
    if (directory != null) {
      directory.shutDown(true);
    }
    if (database != null) {
      String url = System.getenv().getOrDefault("POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
      try (Connection admin = DriverManager.getConnection(url, user(), System.getenv().getOrDefault("POSTGRES_PASSWORD", ""))) {
        admin.createStatement().execute("drop database if exists " + database);
      }
    }
  }

  @Test
  void fromAnEmptyDatabaseToAFirstComplaint() throws Exception {
    // an empty catalogue, and no demo user
    assertThat(http.get("/api/products", "li.na:Agent-Pass-1").json()).isEmpty();
    assertThat(http.get("/api/products", "agent:demo").status()).isEqualTo(401);

    // the process owner imports the sample catalogue
    Http.Response products = http.postText("/api/imports/products?fileName=products.csv", "wei.chen:Owner-Pass-1",
        "text/csv", Files.readString(Path.of("src/main/resources/samples/products.csv")));
    assertThat(products.status()).as(products.body()).isEqualTo(200);
    assertThat(products.json().get("imported").asInt()).isEqualTo(10);
    Http.Response batches = http.postText("/api/imports/batches?fileName=batches.csv", "wei.chen:Owner-Pass-1",
        "text/csv", Files.readString(Path.of("src/main/resources/samples/batches.csv")));
    assertThat(batches.status()).as(batches.body()).isEqualTo(200);
    assertThat(batches.json().get("imported").asInt()).isEqualTo(18);

    // the agent registers the first complaint
    Http.Response complaint = http.post("/api/complaints", "li.na:Agent-Pass-1", Map.of("channel", "phone",
        "customer", Map.of("name", "王芳", "phone", "+86 138 0000 0101", "market", "CN", "locale", "zh-CN"),
        "product", Map.of("sku", "SK-SERUM-30", "batch", "S2603C"),
        "purchase", Map.of("channel", "online", "date", "2026-11-02"),
        "description", "瓶身漏液，精华液流到包装盒里"));
    assertThat(complaint.status()).as(complaint.body()).isEqualTo(201);
    String caseNumber = complaint.json().get("caseNumber").asText();

    // the job executor runs the registration; the triage task lands in the agents' list
    JsonNode tasks = null;
    for (int i = 0; i < 100; i++) {
      tasks = http.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber, "li.na:Agent-Pass-1").json();
      if (tasks.size() > 0) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_Triage");
  }

  @Test
  void directoryGroupsAreMappedToAftercaresAndOthersGetNothing() {
    List<String> groups = new java.util.ArrayList<>();
    http.get("/engine-rest/group?member=li.na", "li.na:Agent-Pass-1").json()
        .forEach(g -> groups.add(g.get("id").asText()));
    assertThat(groups).containsExactly("agent");

    assertThat(http.get("/api/products", "li.na:wrong").status()).isEqualTo(401);
    assertThat(http.get("/api/products", "sam.visitor:Visitor-Pass-1").status()).isEqualTo(403);
    // a directory group that happens to be called "camunda-admin" is not Aftercare's: it grants nothing
    List<String> visitorGroups = new java.util.ArrayList<>();
    http.get("/engine-rest/group?member=sam.visitor", "li.na:Agent-Pass-1").json()
        .forEach(g -> visitorGroups.add(g.get("id").asText()));
    assertThat(visitorGroups).doesNotContain("camunda-admin");
    assertThat(http.get("/engine-rest/authorization", "sam.visitor:Visitor-Pass-1").json()).as("no grant reaches them")
        .isEmpty();
    assertThat(http.get("/engine-rest/process-definition", "sam.visitor:Visitor-Pass-1").json()).isEmpty();

    // two directory groups mapped to agent (the mapping's case need not match the directory's):
    // both teams' members are agents, for logging in and for group e-mails alike
    assertThat(http.get("/api/products", "marie.dupont:Agent-Pass-2").status()).isEqualTo(200);
    List<String> agents = new java.util.ArrayList<>();
    http.get("/engine-rest/user?memberOfGroup=agent", "li.na:Agent-Pass-1").json()
        .forEach(u -> agents.add(u.get("id").asText()));
    assertThat(agents).containsExactlyInAnyOrder("li.na", "marie.dupont");
    assertThat(http.postText("/api/imports/products", "li.na:Agent-Pass-1", "text/csv", "sku\n").status())
        .isEqualTo(403);
  }
}
