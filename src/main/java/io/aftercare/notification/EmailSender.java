package io.aftercare.notification;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail through the SMTP server of {@code spring.mail.*}; not configured without {@code spring.mail.host}. */
@Component
class EmailSender implements ChannelSender {

  private final ObjectProvider<JavaMailSender> mail;
  private final NotificationSettings settings;

  EmailSender(ObjectProvider<JavaMailSender> mail, NotificationSettings settings) {
    this.mail = mail;
    this.settings = settings;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public boolean configured() {
    return mail.getIfAvailable() != null;
  }

  @Override
  public void send(Notification notification) throws Exception {
    JavaMailSender sender = mail.getObject();
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    helper.setFrom(settings.from());
    helper.setTo(notification.recipient());
    helper.setSubject(notification.subject());
    helper.setText(notification.body(), false);
    // Lets the receiving side and support staff tie a message to its outbox row.
    message.setHeader("X-Aftercare-Notification", notification.idempotencyKey());
    sender.send(message);
  }
}
