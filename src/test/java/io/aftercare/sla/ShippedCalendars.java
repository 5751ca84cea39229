package io.aftercare.sla;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The calendars and SLA policy exactly as shipped in calendars.yaml and application.yaml. */
final class ShippedCalendars {

  private ShippedCalendars() {}

  static Calendars calendars() {
    return new Calendars(settings());
  }

  static Calendars.Settings settings() {
    return binder("calendars.yaml").bind("aftercare.calendar", Calendars.Settings.class).get();
  }

  static SlaPolicy policy() {
    return binder("application.yaml").bind("aftercare.sla", SlaPolicy.class).get();
  }

  private static Binder binder(String file) {
    try {
      StandardEnvironment environment = new StandardEnvironment();
      new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
          .forEach(environment.getPropertySources()::addLast);
      return Binder.get(environment);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
