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
}
