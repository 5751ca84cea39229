package io.aftercare.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The SLA target names configured in application.yaml. */
final class ShippedSla {

  private ShippedSla() {}

  static Set<String> targets() {
    try {
      StandardEnvironment environment = new StandardEnvironment();
      new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
          .forEach(environment.getPropertySources()::addLast);
      return Binder.get(environment)
          .bind("aftercare.sla.targets", Bindable.mapOf(String.class, Object.class))
          .map(Map::keySet).get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
