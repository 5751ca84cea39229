package io.aftercare.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Message templates in {@code templates/notifications/<template>.<language>.txt}: a first line
 * {@code Subject: …}, a blank line, then the body; {@code {{name}}} is replaced by the value. A
 * missing template or value is an error (the step fails and retries), never a message with a gap.
 */
@Component
public class Templates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");

  /** A rendered message. */
  public record Message(String subject, String body) {}

  public Message render(String template, String language, Map<String, String> values) {
    String path = "/templates/notifications/" + template + "." + language + ".txt";
    String text;
    try (InputStream in = Templates.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No notification template " + template + " in " + language + " (" + path + ")");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + path, e);
    }
    if (!text.startsWith("Subject:")) {
      throw new IllegalStateException(path + " must start with a line 'Subject: …'");
    }
    int lineEnd = text.indexOf('\n');
    String subject = fill(text.substring("Subject:".length(), lineEnd).trim(), values, path);
    String body = fill(text.substring(lineEnd + 1).strip(), values, path);
    return new Message(subject, body);
  }

  private static String fill(String text, Map<String, String> values, String path) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException(path + " needs {{" + matcher.group(1) + "}}, which the case does not have");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
