package io.aftercare.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Contact data shows masked in the case view and the timeline. */
class ContactMaskTest {

  @Test
  void masksEmailAndPhone() {
    assertThat(ContactMask.contact("wang.li@example.cn")).isEqualTo("w***@example.cn");
    assertThat(ContactMask.contact("+8613800000001")).isEqualTo("+86138****0001");
    assertThat(ContactMask.contact("+12025550101")).isEqualTo("+12025**0101");
    assertThat(ContactMask.contact("abc")).isEqualTo("***");
    assertThat(ContactMask.contact(null)).isNull();
  }

  @Test
  void masksNames() {
    assertThat(ContactMask.name("王小明")).isEqualTo("王**");
    assertThat(ContactMask.name("李娜")).isEqualTo("李*");
    assertThat(ContactMask.name(" Sophie  Martin ")).isEqualTo("S. M.");
    assertThat(ContactMask.name("Giulia")).isEqualTo("G.");
    assertThat(ContactMask.name(null)).isNull();
  }
}
