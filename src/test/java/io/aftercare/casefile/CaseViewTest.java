package io.aftercare.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The case view shows contact data masked. */
class CaseViewTest {

  @Test
  void masksEmailAndPhone() {
    assertThat(CaseView.mask("wang.li@example.cn")).isEqualTo("w***@example.cn");
    assertThat(CaseView.mask("+8613800000001")).isEqualTo("+86138****0001");
    assertThat(CaseView.mask("+12025550101")).isEqualTo("+12025**0101");
    assertThat(CaseView.mask(null)).isNull();
  }
}
