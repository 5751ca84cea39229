package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/** The history has one database writer: Camunda's default one switched back on stops the start. */
class VariableHistoryTest {

  @Test
  void theWriterTakesTheDefaultWritersPlaceAndKeepsIt() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    VariableHistory plugin = new VariableHistory();
    plugin.preInit(configuration);
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isFalse();
    assertThat(configuration.getCustomHistoryEventHandlers()).singleElement()
        .isInstanceOf(VariableHistory.WithoutUpdateDetail.class);
    plugin.postInit(configuration);

    configuration.setEnableDefaultDbHistoryEventHandler(true);
    assertThatThrownBy(() -> plugin.postInit(configuration)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("enableDefaultDbHistoryEventHandler");
  }
}
