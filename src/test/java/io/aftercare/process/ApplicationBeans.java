package io.aftercare.process;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The application's beans by name — components and the @Bean methods of configuration classes —
 * found by scanning as Spring does, without a context.
 */
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
        Class<?> type = Class.forName(definition.getBeanClassName());
        add(beans, names.generateBeanName(definition, registry), type);
        // @Bean methods of configuration classes (e.g. delegates defined as lambdas)
        for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
          org.springframework.context.annotation.Bean bean =
              method.getAnnotation(org.springframework.context.annotation.Bean.class);
          if (bean != null) {
            String[] named = bean.name().length > 0 ? bean.name() : bean.value();
            add(beans, named.length > 0 ? named[0] : method.getName(), method.getReturnType());
          }
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return beans;
  }

  private static void add(Map<String, Class<?>> beans, String name, Class<?> type) {
    Class<?> previous = beans.put(name, type);
    if (previous != null) {
      throw new IllegalStateException("Two beans are named '" + name + "': " + previous.getName() + " and "
          + type.getName());
    }
  }
}
