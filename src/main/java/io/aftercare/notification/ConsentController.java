package io.aftercare.notification;

import io.aftercare.api.NotFoundException;
import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer withdraws consent to non-essential messages, per channel: by the unsubscribe link of
 * an e-mail (no login), by replying TD or STOP to an SMS (the gateway forwards the reply), or by
 * telling an agent. The dispatcher honours it for messages already queued; messages the case
 * legally needs ({@code aftercare.notification.essential-templates}) still go out.
 */
@RestController
@Validated
class ConsentController {

  private static final Logger LOG = LoggerFactory.getLogger(ConsentController.class);
  /** Replies that stop SMS: 退订/TD (China's convention), STOP and its usual synonyms. */
  static final Set<String> STOP_WORDS = Set.of("TD", "T", "退订", "STOP", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
      "STOPALL");

  record Unsubscribe(String channel, boolean withdrawn) {}

  record SmsReply(@NotBlank @Size(max = 32) String from, @NotNull @Size(max = 1000) String text) {}

  record Withdrawal(@NotNull Customer.ContactChannel channel) {}

  private final CustomerService customers;
  private final NotificationSettings settings;

  ConsentController(CustomerService customers, NotificationSettings settings) {
    this.customers = customers;
    this.settings = settings;
  }

  @GetMapping("/api/unsubscribe/{token}")
  Unsubscribe unsubscribeState(@PathVariable @Size(max = 64) String token) {
    long id = customers.byUnsubscribeToken(token).orElseThrow(() -> new NotFoundException("unsubscribe link", "given"));
    return new Unsubscribe("EMAIL", !customers.find(id).orElseThrow().consent().email());
  }

  @PostMapping("/api/unsubscribe/{token}")
  Unsubscribe unsubscribe(@PathVariable @Size(max = 64) String token) {
    long id = customers.byUnsubscribeToken(token).orElseThrow(() -> new NotFoundException("unsubscribe link", "given"));
    customers.withdraw(id, Customer.ContactChannel.EMAIL, now());
    LOG.info("Customer {} withdrew consent to e-mail (unsubscribe link)", id);
    return new Unsubscribe("EMAIL", true);
  }

  /** The SMS gateway forwards a customer's reply; a stop word withdraws SMS for that number. */
  @PostMapping("/api/sms/replies")
  ResponseEntity<Void> smsReply(@RequestHeader(name = "X-Gateway-Secret", required = false) String secret,
      @Valid @RequestBody SmsReply reply) {
    String expected = settings.sms().inboundSecret();
    if (expected == null || expected.isBlank()) {
      throw new NotFoundException("endpoint", "/api/sms/replies (no aftercare.notification.sms.inbound-secret)");
    }
    if (secret == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        secret.getBytes(StandardCharsets.UTF_8))) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    if (STOP_WORDS.contains(reply.text().strip().toUpperCase(Locale.ROOT))) {
      List<Long> ids = customers.withPhone(reply.from());
      ids.forEach(id -> customers.withdraw(id, Customer.ContactChannel.SMS, now()));
      if (ids.isEmpty()) {
        LOG.warn("SMS stop reply from a number no customer has (…{}): nothing withdrawn",
            reply.from().length() > 4 ? reply.from().substring(reply.from().length() - 4) : "");
      } else {
        LOG.info("SMS stop reply: consent to SMS withdrawn for {} customer(s)", ids.size());
      }
    }
    return ResponseEntity.noContent().build();
  }

  /** An agent records what the customer said ("no more texts, please"). */
  @PostMapping("/api/customers/{id}/consent-withdrawal")
  ResponseEntity<Void> withdraw(@PathVariable long id, @Valid @RequestBody Withdrawal withdrawal) {
    customers.find(id).orElseThrow(() -> new NotFoundException("customer", String.valueOf(id)));
    customers.withdraw(id, withdrawal.channel(), now());
    return ResponseEntity.noContent().build();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
