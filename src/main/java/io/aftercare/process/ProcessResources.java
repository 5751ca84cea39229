package io.aftercare.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The process owner's files: BPMN and DMN from {@code processes/}, Camunda Forms from
 * {@code forms/}, read from a base location (the classpath in the application, the repository's
 * folders in the model check). Knows which form each diagram refers to.
 */
public final class ProcessResources {

  public static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Resource name (path below processes/ or forms/) to content. */
  private final Map<String, byte[]> files;
  /** Form id (the "id" inside a .form file) to resource name. */
  private final Map<String, String> formsById;

  private ProcessResources(Map<String, byte[]> files) {
    this.files = files;
    this.formsById = new LinkedHashMap<>();
    files.forEach((name, bytes) -> {
      if (name.endsWith(".form")) {
        formsById.put(formId(name, bytes), name);
      }
    });
  }

  /**
   * Reads {@code processes/} and {@code forms/} below the given location, e.g. {@code classpath:}
   * or {@code file:./}.
   */
  public static ProcessResources load(String baseLocation) {
    ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, byte[]> files = new LinkedHashMap<>();
    try {
      for (String folder : new String[] {"processes", "forms"}) {
        String root = baseLocation + folder + "/";
        for (String pattern : new String[] {"**/*.bpmn", "**/*.dmn", "**/*.form"}) {
          for (Resource resource : resolver.getResources(root + pattern)) {
            String url = resource.getURL().toString();
            String name = url.substring(url.lastIndexOf("/" + folder + "/") + folder.length() + 2);
            files.put(name, resource.getContentAsByteArray());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read processes/ and forms/ from " + baseLocation, e);
    }
    return new ProcessResources(files);
  }

  public Map<String, byte[]> files() {
    return files;
  }

  public Set<String> names() {
    return files.keySet();
  }

  public Map<String, String> formsById() {
    return formsById;
  }

  public BpmnModelInstance bpmn(String name) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(files.get(name)));
  }

  /** Form ids referenced by {@code camunda:formRef} in a diagram (start events and user tasks). */
  public Set<String> formRefs(String bpmnName) {
    Set<String> refs = new TreeSet<>();
    Collection<BaseElement> elements = bpmn(bpmnName).getModelElementsByType(BaseElement.class);
    for (BaseElement element : elements) {
      String ref = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
      if (ref != null && !ref.isBlank()) {
        refs.add(ref);
      }
    }
    return refs;
  }

  /**
   * The given changed resources plus what must travel with them: forms bound by {@code deployment}
   * must sit in the same deployment as the diagram that uses them, so a changed diagram takes its
   * forms along, and a changed form takes along the diagrams that use it (a new version of each).
   */
  public Set<String> withCompanions(Set<String> changed) {
    // each diagram's form files, parsed once
    Map<String, Set<String>> formFiles = new LinkedHashMap<>();
    for (String name : files.keySet()) {
      if (name.endsWith(".bpmn")) {
        formFiles.put(name, formRefs(name).stream().map(formsById::get).filter(f -> f != null)
            .collect(java.util.stream.Collectors.toSet()));
      }
    }
    Set<String> result = new TreeSet<>(changed);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, Set<String>> diagram : formFiles.entrySet()) {
        String name = diagram.getKey();
        Set<String> forms = diagram.getValue();
        boolean diagramIn = result.contains(name);
        boolean usesChangedForm = forms.stream().anyMatch(result::contains);
        if (diagramIn && !result.containsAll(forms)) {
          grew |= result.addAll(forms);
        }
        if (!diagramIn && usesChangedForm) {
          grew |= result.add(name);
        }
      }
    }
    return result;
  }

  private static String formId(String name, byte[] bytes) {
    try {
      JsonNode id = JSON.readTree(bytes).get("id");
      if (id == null || !id.isTextual() || id.asText().isBlank()) {
        throw new IllegalStateException("Form " + name + " has no \"id\"");
      }
      return id.asText();
    } catch (IOException e) {
      throw new IllegalStateException("Form " + name + " is not valid JSON: " + e.getMessage(), e);
    }
  }
}
