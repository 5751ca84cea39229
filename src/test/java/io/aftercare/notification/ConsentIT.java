package io.aftercare.notification;

import static io.aftercare.support.CaseWork.bool;
import static io.aftercare.support.CaseWork.integer;
import static io.aftercare.support.CaseWork.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.aftercare.support.AftercareIT;
import io.aftercare.support.CaseWork;
import io.aftercare.support.Http;
import io.aftercare.support.SmsGatewayStub;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Consent to non-essential messages, withdrawn per channel by the customer — the e-mail's
 * unsubscribe link, a TD/STOP reply to an SMS — and honoured by the dispatcher, while a message
 * the case legally needs still reaches them. E-mail through a real SMTP server.
 */
@AftercareIT
class ConsentIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", "smtp"));

  static SmsGatewayStub sms;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired Outbox outbox;
  @Autowired NotificationDispatcher dispatcher;

  @BeforeAll
  static void startGateway() {
    sms = new SmsGatewayStub(3926);
  }

  @AfterAll
  static void stopGateway() {
    sms.close();
  }

  @Test
  void withdrawnChannelsGetOnlyWhatTheCaseLegallyNeeds() throws Exception {
    Http http = new Http(port);
    CaseWork work = new CaseWork(http, runtime, management);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String email = "consent-" + unique + "@example.fr";
    String phone = "+33612" + String.format("%06d", Math.abs(unique.hashCode()) % 1_000_000);
    Http.Response created = http.post("/api/complaints", "agent", Map.of("channel", "web",
        "customer", Map.of("name", "Inès Moreau", "email", email, "phone", phone, "market", "EU", "locale", "en"),
        "product", Map.of("sku", "SK-SERUM-30"), "purchase", Map.of("channel", "online", "date", "2026-10-28"),
        "description", "The pump does not work."));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNumber = created.json().get("caseNumber").asText();
    work.runJobs(caseNumber);

    // every message says how to stop them: the acknowledgement carries the unsubscribe link
    Notification acknowledgement = only(caseNumber, "complaint-acknowledgement");
    assertThat(acknowledgement.channel()).isEqualTo(Channel.EMAIL);
    Matcher link = Pattern.compile("/unsubscribe\\.html\\?token=([0-9a-f]+)").matcher(acknowledgement.body());
    assertThat(link.find()).as(acknowledgement.body()).isTrue();
    String token = link.group(1);
    assertThat(page("/unsubscribe.html?token=" + token)).contains("Unsubscribe");

    // the customer clicks it before the acknowledgement went out: it is not sent
    assertThat(http.get("/api/unsubscribe/" + token, null).json().get("withdrawn").asBoolean()).isFalse();
    assertThat(http.post("/api/unsubscribe/" + token, null, Map.of()).status()).isEqualTo(200);
    assertThat(http.get("/api/unsubscribe/" + token, null).json().get("withdrawn").asBoolean()).isTrue();
    assertThat(http.get("/api/unsubscribe/not-a-token", null).status()).isEqualTo(404);
    dispatcher.dispatch();
    Notification held = only(caseNumber, "complaint-acknowledgement");
    assertThat(held.state()).isEqualTo(Notification.State.FAILED);
    assertThat(held.lastError()).contains("withdrew consent to EMAIL");
    assertThat(mailsTo(email)).isEmpty();

    // and replies STOP to an SMS: the gateway forwards the reply
    assertThat(reply("wrong-secret", phone, "STOP")).isEqualTo(401);
    assertThat(reply("gateway-test-secret", phone, "Thanks")).isEqualTo(204);
    // (the gateway writes the number without its +)
    assertThat(reply("gateway-test-secret", phone.substring(1), " td ")).isEqualTo(204);

    // the outcome of the complaint is a message the case legally needs: it still reaches them
    work.complete(work.onlyTask(caseNumber, "agent"), "agent", Map.of("category", string("packaging_damage"),
        "severity", integer(3), "evidenceComplete", bool(true)));
    work.complete(work.onlyTask(caseNumber, "agent"), "agent", Map.of("resolution", string("gift"),
        "resolutionNote", string("A new serum is on its way.")));
    work.runJobs(caseNumber);
    Notification outcome = only(caseNumber, "complaint-outcome");
    assertThat(outcome.state()).as(outcome.lastError()).isNotEqualTo(Notification.State.FAILED);
    assertThat(outcome.channel()).isEqualTo(Channel.EMAIL);
    dispatcher.dispatch();
    assertThat(only(caseNumber, "complaint-outcome").state()).isEqualTo(Notification.State.SENT);
    assertThat(mailsTo(email)).hasSize(1);
    assertThat(sms.accepted()).noneMatch(body -> body.contains(phone.substring(1)));
  }

  private Notification only(String caseNumber, String template) {
    List<Notification> rows = outbox.forCase(caseNumber).stream().filter(n -> n.template().equals(template)).toList();
    assertThat(rows).as(template).hasSize(1);
    return rows.get(0);
  }

  private List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(address);
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  private int reply(String secret, String from, String text) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/sms/replies")).header("Content-Type", "application/json").header("X-Gateway-Secret", secret)
        .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"" + from + "\",\"text\":\"" + text + "\"}")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private String page(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
