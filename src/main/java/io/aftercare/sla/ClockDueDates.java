package io.aftercare.sla;

import io.aftercare.customer.Market;
import io.aftercare.notification.CaseDueDates;
import java.util.List;
import org.springframework.stereotype.Component;

/** The case's clocks' due dates for the messages that quote them. */
@Component
class ClockDueDates implements CaseDueDates {

  private final SlaClocks clocks;

  ClockDueDates(SlaClocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public List<Due> of(String caseNumber) {
    return clocks.forCase(caseNumber).stream()
        .map(clock -> new Due(clock.target(), clock.dueAt(), Market.valueOf(clock.market()).zone()))
        .toList();
  }
}
