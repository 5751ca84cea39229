package io.aftercare.reporting;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /reports}: the supervisors' dashboard, a static page that reads {@code /api/reports}. */
@Controller
class DashboardController {

  @GetMapping("/reports")
  String canonical() {
    return "redirect:/reports/";
  }

  @GetMapping("/reports/")
  String dashboard() {
    return "forward:/reports/index.html";
  }
}
