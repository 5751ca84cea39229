package io.aftercare.process;

import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine$;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * The decisions' FEEL expressions parsed once, not at every evaluation.
 * <p>
 * Camunda's FEEL integration hands each input entry, input expression and output entry to the
 * FEEL engine as text, and the FEEL engine parses that text again every time: with complaints
 * worked end to end, parsing was 5 % of the request and job threads' time, half of all the
 * decisions' time (LifecycleBenchmark, JFR; README "Benchmarks"). Here the engine is Camunda's
 * own ({@link ScalaFeelEngine}: the same value mappers, custom functions and evaluation), except
 * that the FEEL engine under it keeps the result of parsing a text — the parsed expression, or
 * the failure, which is then reported at every evaluation as before. Parsing depends on the text
 * alone, so a text parsed once stands for every later evaluation of it; a new decision version
 * brings new texts. At most {@value #LIMIT} texts are kept (then the store starts again).
 */
@Component
public class FeelParsedOnce extends AbstractProcessEnginePlugin {

  static final int LIMIT = 10_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    // a FEEL engine of one's own, or Camunda's legacy (JUEL) one if asked for, stays as it is
    if (dmn.getFeelEngineFactory() == null && !configuration.isDmnFeelEnableLegacyBehavior()) {
      dmn.setFeelEngineFactory(factory(dmn));
    }
    configuration.setDmnEngineConfiguration(dmn);
  }

  /**
   * The FEEL engine of a DMN engine configuration, with the custom functions that configuration
   * holds when the DMN engine is built (the process engine hands its own over then).
   */
  public static FeelEngineFactory factory(DefaultDmnEngineConfiguration dmn) {
    return () -> new Engine(dmn.getFeelCustomFunctionProviders() == null ? List.of()
        : dmn.getFeelCustomFunctionProviders());
  }

  /** Camunda's FEEL engine, on a FEEL engine that parses each text once. */
  static final class Engine extends ScalaFeelEngine {
    Engine(List<FeelCustomFunctionProvider> providers) {
      super(providers);
    }

    @Override
    protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer transformer,
        ValueMapper.CompositeValueMapper valueMapper) {
      // as Camunda builds it (FeelEngine.Builder: external functions off, the default clock)
      return new Parser(transformer, valueMapper);
    }

    org.camunda.feel.FeelEngine feel() {
      return feelEngine;
    }
  }

  /** The FEEL engine with its two parse methods remembered per text. */
  static final class Parser extends org.camunda.feel.FeelEngine {
    private final Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> expressions =
        new ConcurrentHashMap<>();
    private final Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> unaryTests =
        new ConcurrentHashMap<>();

    Parser(CustomFunctionTransformer functions, ValueMapper valueMapper) {
      super(functions, valueMapper, FeelEngine$.MODULE$.defaultConfiguration().copy(false),
          FeelEngine$.MODULE$.defaultClock());
    }

    @Override
    public Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parseExpression(String expression) {
      return remembered(expressions, expression, super::parseExpression);
    }

    @Override
    public Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parseUnaryTests(String expression) {
      return remembered(unaryTests, expression, super::parseUnaryTests);
    }

    int remembered() {
      return expressions.size() + unaryTests.size();
    }

    private static Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> remembered(
        Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> store, String text,
        Function<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> parse) {
      if (text == null) {
        return parse.apply(null);
      }
      Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> known = store.get(text);
      if (known == null) {
        if (store.size() >= LIMIT) {
          store.clear();
        }
        known = parse.apply(text);
        store.put(text, known);
      }
      return known;
    }
  }
}
