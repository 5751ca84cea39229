package io.aftercare.notification;

import io.aftercare.customer.Customer;
import io.aftercare.customer.CustomerService;
import io.aftercare.process.Privileged;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Puts messages in the outbox: to a customer in their language through their preferred consented
 * channel, or to staff by e-mail. The values a template may use are the case's process values,
 * {@code customerName}, and the due date of each of the case's clocks as {@code due.<target>},
 * written for the reader's language and market.
 */
@Service
public class Notifications {

  private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);
  private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

  private final Outbox outbox;
  private final Templates templates;
  private final CustomerService customers;
  private final CaseDueDates dueDates;
  private final NotificationSettings settings;
  private final IdentityService identity;

  Notifications(Outbox outbox, Templates templates, CustomerService customers, CaseDueDates dueDates,
      NotificationSettings settings, IdentityService identity) {
    this.outbox = outbox;
    this.templates = templates;
    this.customers = customers;
    this.dueDates = dueDates;
    this.settings = settings;
    this.identity = identity;
  }

  /** The e-mail addresses of a group's members (read on the process's behalf, whoever is logged in). */
  public List<String> emailsOfGroup(String groupId) {
    return Privileged.call(() -> identity.createUserQuery().memberOfGroup(groupId).list().stream()
        .map(User::getEmail).filter(e -> e != null && !e.isBlank()).toList());
  }

  /** The e-mail address of a user, if they have one. */
  public List<String> emailsOfUser(String userId) {
    User user = Privileged.call(() -> identity.createUserQuery().userId(userId).singleResult());
    return user == null || user.getEmail() == null ? List.of() : List.of(user.getEmail());
  }

  /**
   * Queues a customer message under {@code key}; a channel of null means the customer's preferred
   * consented one. Without a consented channel (or contact data for it) the row is FAILED at once.
   */
  public void toCustomer(String key, String caseNumber, long customerId, String template, Channel channel,
      Map<String, Object> values, Instant now) {
    Customer customer = customers.find(customerId)
        .orElseThrow(() -> new IllegalStateException("No customer " + customerId + " for case " + caseNumber));
    String language = customer.locale().tag();
    Map<String, String> text = texts(caseNumber, values, language, customer.market().zone());
    text.put("customerName", customer.name());
    Templates.Message message = templates.render(template, language, text);
    boolean essential = settings.essentialTemplates().contains(template);
    Channel chosen = channel == null ? preferredChannel(customer) : channel;
    if (chosen == null && essential) {
      // a message the case legally needs reaches the customer on any channel we can
      chosen = customer.email() != null ? Channel.EMAIL : customer.phone() != null ? Channel.SMS : null;
    }
    String recipient = chosen == null ? null : recipient(customer, chosen);
    String failure = null;
    if (chosen == null) {
      failure = "The customer has not consented to e-mail or SMS";
    } else if (!essential && !consented(customer, chosen)) {
      failure = "The customer has not consented to " + chosen;
    } else if (recipient == null) {
      failure = "The customer has no " + (chosen == Channel.EMAIL ? "e-mail address" : "mobile number");
    }
    String body = chosen == null ? message.body() : message.body() + optOut(customer, chosen, language);
    outbox.add(new Outbox.NewMessage(key, caseNumber, "CUSTOMER", template, chosen, recipient, language,
        message.subject(), body, failure, essential), now);
  }

  /**
   * How to stop non-essential messages, at the end of every message to a customer: SMS by the
   * reply convention (TD in China, STOP elsewhere), e-mail by a link that needs no login.
   */
  private String optOut(Customer customer, Channel channel, String language) {
    boolean chinese = language.startsWith("zh");
    if (channel == Channel.SMS) {
      return chinese ? " 回复TD退订" : " Reply STOP to opt out";
    }
    String link = settings.publicUrl() + "/unsubscribe.html?token=" + customers.unsubscribeToken(customer.id());
    return chinese ? "\n\n不想再收到此类邮件？退订：" + link + "（与您的工单有关的法定通知仍会发送）"
        : "\n\nTo stop these e-mails: " + link + " (messages your case legally needs are still sent)";
  }

  /** Queues an e-mail to each member of staff (one row each) in the staff language. */
  public void toStaff(String key, String caseNumber, String template, List<String> emails,
      Map<String, Object> values, Instant now) {
    String language = settings.staffLanguage();
    Map<String, String> text = texts(caseNumber, values, language, ZoneId.of("UTC"));
    Templates.Message message = templates.render(template, language, text);
    for (String email : emails) {
      outbox.add(new Outbox.NewMessage(key + ":" + email, caseNumber, "INTERNAL", template, Channel.EMAIL,
          email, language, message.subject(), message.body(), null, true), now);
    }
  }

  static Channel preferredChannel(Customer customer) {
    if (customer.preferredChannel() == Customer.ContactChannel.EMAIL && customer.consent().email()) {
      return Channel.EMAIL;
    }
    if (customer.preferredChannel() == Customer.ContactChannel.SMS && customer.consent().sms()) {
      return Channel.SMS;
    }
    if (customer.consent().email() && customer.email() != null) {
      return Channel.EMAIL;
    }
    if (customer.consent().sms() && customer.phone() != null) {
      return Channel.SMS;
    }
    return null;
  }

  private static boolean consented(Customer customer, Channel channel) {
    return channel == Channel.EMAIL ? customer.consent().email() : customer.consent().sms();
  }

  private static String recipient(Customer customer, Channel channel) {
    return channel == Channel.EMAIL ? customer.email() : customer.phone();
  }

  private Map<String, String> texts(String caseNumber, Map<String, Object> values, String language, ZoneId zone) {
    Map<String, String> text = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      if (value != null) {
        text.put(name, value instanceof Date date ? format(date.toInstant(), language, zone) : value.toString());
      }
    });
    text.put("caseNumber", caseNumber);
    for (CaseDueDates.Due due : dueDates.of(caseNumber)) {
      text.put("due." + due.target(), format(due.dueAt(), language, "UTC".equals(zone.getId()) ? due.zone() : zone));
    }
    return text;
  }

  static String format(Instant instant, String language, ZoneId zone) {
    if (language.startsWith("zh")) {
      return ZH.format(instant.atZone(zone)) + "（" + zoneName(zone, true) + "）";
    }
    return EN.format(instant.atZone(zone)) + " (" + zoneName(zone, false) + ")";
  }

  private static String zoneName(ZoneId zone, boolean chinese) {
    return switch (zone.getId()) {
      case "Asia/Shanghai" -> chinese ? "北京时间" : "China time";
      case "Europe/Paris" -> chinese ? "巴黎时间" : "Paris time";
      case "America/New_York" -> chinese ? "纽约时间" : "New York time";
      default -> zone.getId();
    };
  }
}
