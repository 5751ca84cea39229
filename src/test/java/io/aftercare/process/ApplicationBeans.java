package io.aftercare.process;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/** The application's component beans by name, found by scanning as Spring does, without a context. */
final class ApplicationBeans {

  private ApplicationBeans() {}

  static Map<String, Class<?>> scan(String basePackage) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Map<String, Class<?>> beans = new HashMap<>();
    for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
      try {
        String name = names.generateBeanName(definition, registry);
        Class<?> previous = beans.put(name, Class.forName(definition.getBeanClassName()));
        if (previous != null) {
          throw new IllegalStateException("Two beans are named '" + name + "': " + previous.getName()
              + " and " + definition.getBeanClassName());
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return beans;
  }
}
