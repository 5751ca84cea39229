package io.aftercare.customer;

/** How a customer's contact shows where a full read is not needed: enough to recognise it, not to use it. */
public final class ContactMask {

  private ContactMask() {}

  /** {@code wang.li@example.cn} → {@code w***@example.cn}; {@code +8613800000001} → {@code +86138****0001}. */
  public static String contact(String recipient) {
    if (recipient == null || recipient.length() < 4) {
      return recipient == null ? null : "***";
    }
    int at = recipient.indexOf('@');
    if (at > 0) {
      return recipient.charAt(0) + "***" + recipient.substring(at);
    }
    int keep = Math.min(6, recipient.length() / 2);
    return recipient.substring(0, keep) + "*".repeat(Math.max(recipient.length() - keep - 4, 1))
        + recipient.substring(recipient.length() - 4);
  }

  /**
   * A name as tasks and forms show it: a Chinese name keeps its family name ({@code 王小明} →
   * {@code 王**}), other names their initials ({@code Sophie Martin} → {@code S. M.}).
   */
  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return name;
    }
    String trimmed = name.strip();
    if (Character.UnicodeScript.of(trimmed.codePointAt(0)) == Character.UnicodeScript.HAN) {
      int first = Character.charCount(trimmed.codePointAt(0));
      return trimmed.substring(0, first) + "*".repeat(Math.max(1, trimmed.codePointCount(first, trimmed.length())));
    }
    StringBuilder initials = new StringBuilder();
    for (String word : trimmed.split("\\s+")) {
      initials.append(initials.isEmpty() ? "" : " ").appendCodePoint(word.codePointAt(0)).append('.');
    }
    return initials.toString();
  }

  /**
   * How a regulator's report and an anonymised customer who must stay identifiable to the case
   * name the person: initials only ({@code Sophie Martin} → {@code S.M.}, {@code 王小明} → {@code 王}).
   */
  public static String initials(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String[] parts = name.trim().split("\\s+");
    if (parts.length == 1) {
      return parts[0].substring(0, Character.charCount(parts[0].codePointAt(0)));
    }
    StringBuilder initials = new StringBuilder();
    for (String part : parts) {
      initials.appendCodePoint(part.codePointAt(0)).append('.');
    }
    return initials.toString();
  }
}
