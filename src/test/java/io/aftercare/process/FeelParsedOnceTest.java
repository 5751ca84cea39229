package io.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * The FEEL engine that parses each text once answers as Camunda's own, for every evaluation of a
 * text, and fails as it does. (Every DMN rule test runs on it too: support/DecisionTable.)
 */
class FeelParsedOnceTest {

  private final FeelParsedOnce.Engine engine = new FeelParsedOnce.Engine(List.of());
  private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());

  @Test
  void aTextIsParsedOnceAndEvaluatedForEachContext() {
    for (int amount : new int[] {0, 299, 300, 301, 5_000}) {
      VariableContext context = Variables.createVariables().putValue("amount", amount).asVariableContext();
      boolean expected = camunda.evaluateSimpleUnaryTests("[0..300]", "amount", context);
      assertThat(engine.evaluateSimpleUnaryTests("[0..300]", "amount", context)).as("amount " + amount)
          .isEqualTo(expected).isEqualTo(amount <= 300);
      Object sum = engine.evaluateSimpleExpression("amount * 2 + 1", context);
      assertThat(sum).isEqualTo(camunda.evaluateSimpleExpression("amount * 2 + 1", context))
          .isEqualTo((long) amount * 2 + 1);
    }
    assertThat(((FeelParsedOnce.Parser) engine.feel()).remembered()).isEqualTo(2);
  }

  @Test
  void unaryTestsAndExpressionsOfTheSameTextAreKeptApart() {
    VariableContext context = Variables.createVariables().putValue("tier", "HIGH").asVariableContext();
    assertThat(engine.evaluateSimpleUnaryTests("\"HIGH\"", "tier", context)).isTrue();
    assertThat((Object) engine.evaluateSimpleExpression("\"HIGH\"", context)).isEqualTo("HIGH");
    assertThat(engine.evaluateSimpleUnaryTests("\"LOW\",\"MEDIUM\"", "tier", context)).isFalse();
  }

  @Test
  void aTextThatDoesNotParseFailsEveryTimeAsCamundasDoes() {
    VariableContext context = Variables.createVariables().putValue("amount", 1).asVariableContext();
    String camundas = message(() -> camunda.evaluateSimpleExpression("amount +", context));
    for (int time = 0; time < 2; time++) {
      assertThatThrownBy(() -> engine.evaluateSimpleExpression("amount +", context))
          .isInstanceOf(FeelException.class).hasMessage(camundas);
    }
    assertThat(engine.evaluateSimpleUnaryTests(">= 1", "amount", context)).isTrue();
    assertThat(Map.of("remembered", ((FeelParsedOnce.Parser) engine.feel()).remembered()))
        .containsEntry("remembered", 2);
  }

  private static String message(Runnable evaluation) {
    try {
      evaluation.run();
    } catch (FeelException e) {
      return e.getMessage();
    }
    throw new AssertionError("Camunda's FEEL engine did not fail");
  }
}
