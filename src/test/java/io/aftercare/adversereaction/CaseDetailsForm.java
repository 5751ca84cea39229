package io.aftercare.adversereaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;

/**
 * forms/adverse-case-details.form as Tasklist shows it: which seriousness criteria a case of a
 * market sees, by the fields' "hide if" conditions (FEEL, evaluated as form-js does).
 */
final class CaseDetailsForm {

  private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

  private CaseDetailsForm() {}

  static Set<String> criteriaShown(String market) {
    Set<String> shown = new TreeSet<>();
    for (JsonNode field : form().get("components")) {
      String key = field.path("key").asText();
      if (List.of(AdverseReactionProcess.CRITERIA).contains(key)) {
        String hide = field.at("/conditional/hide").asText("");
        if (hide.isEmpty() || !(Boolean) FEEL.evaluateSimpleExpression(hide.substring(1),
            Variables.createVariables().putValue("market", market).asVariableContext())) {
          shown.add(key);
        }
      }
    }
    return shown;
  }

  private static JsonNode form() {
    try {
      return new ObjectMapper().readTree(Files.readString(Path.of("forms/adverse-case-details.form")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
