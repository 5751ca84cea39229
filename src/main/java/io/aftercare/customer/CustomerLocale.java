package io.aftercare.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The languages customers are served in: templates, forms and messages exist in each. */
public enum CustomerLocale {
  ZH_CN("zh-CN"), EN("en");

  private final String tag;

  CustomerLocale(String tag) {
    this.tag = tag;
  }

  @JsonValue
  public String tag() {
    return tag;
  }

  @JsonCreator
  public static CustomerLocale of(String tag) {
    return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown locale " + tag + ", expected zh-CN or en"));
  }
}
