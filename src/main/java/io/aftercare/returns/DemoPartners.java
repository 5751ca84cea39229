package io.aftercare.returns;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo mode only: stands in for the payment gateway and the fulfilment service, so that a return
 * can be worked to its end on a first run. Answers like the real ones, idempotently: the same
 * key gives the same reference. Production sets {@code AFTERCARE_PAYMENT_URL} and
 * {@code AFTERCARE_FULFILMENT_URL} to the real systems.
 */
@RestController
@ConditionalOnProperty(name = "aftercare.demo.enabled", havingValue = "true")
class DemoPartners {

  @PostMapping("/demo/partners/payments/refunds")
  Map<String, String> refund(@RequestHeader("Idempotency-Key") String key) {
    return Map.of("refundId", "DEMO-REFUND-" + key, "status", "accepted");
  }

  @PostMapping("/demo/partners/fulfilment/shipments")
  Map<String, String> ship(@RequestHeader("Idempotency-Key") String key) {
    return Map.of("shipmentId", "DEMO-SHIPMENT-" + key, "status", "accepted");
  }
}
