package io.aftercare.casefile;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a case came in; the reports filter by it. Lower case in JSON and forms ({@code wechat}). */
public enum IntakeChannel {
  PHONE, WEB, WECHAT, APP, STORE, SOCIAL, EMAIL;

  @JsonValue
  @Override
  public String toString() {
    return name().toLowerCase();
  }

  /** The channel a form or process variable names, or null when none is given. */
  public static IntakeChannel of(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return IntakeChannel.valueOf(value.toString().trim().toUpperCase());
  }
}
