package fr.gouv.fabriques.process.commun;

import camundajar.impl.scala.collection.immutable.$colon$colon;
import camundajar.impl.scala.collection.immutable.Nil$;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The DMN tables' FEEL (the engine's own Scala FEEL, same functions and value mappers), with each
 * expression and each input entry parsed once instead of at every evaluation. The engine's bridge
 * ({@link ScalaFeelEngine}) hands the FEEL engine the text of every cell each time; parsing it again
 * was a sixth of a deposit's CPU, the eligibility table being asked twice per deposit (issue 13,
 * doc/performance/cycle-de-vie.md). The parsed tree is immutable and depends on the text only, so a
 * cached one evaluates exactly as a fresh one; evaluation, history and results are unchanged.
 * <p>
 * The library also builds all its builtin functions anew for every evaluation of every cell
 * ({@code FeelEngine.rootContext}, private): after the parse, that was the largest part of a DMN
 * evaluation. They are built once here and shared: they hold only the clock (read when {@code now()}
 * is called) and the value mapper, like the library's own. Each evaluation keeps its own context and
 * failure collector, as in the library.
 */
@Component
public class FeelAnalyseUneFoisPlugin extends AbstractProcessEnginePlugin {

    /** Beyond this many distinct texts (redeployed tables), the cache starts again rather than grow. */
    static final int TEXTES_MAX = 10_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.isDmnFeelEnableLegacyBehavior()) {
            return;
        }
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        if (dmn.getFeelEngineFactory() == null) {
            // The custom function providers are set on the DMN configuration after the plugins: read them when the engine is built.
            dmn.setFeelEngineFactory(() -> new Feel(dmn.getFeelCustomFunctionProviders()));
            configuration.setDmnEngineConfiguration(dmn);
        }
    }

    /** The engine's Scala FEEL bridge, over a FEEL engine that keeps what it parsed. */
    static final class Feel extends ScalaFeelEngine {

        Feel(List<FeelCustomFunctionProvider> fonctions) {
            super(fonctions);
        }

        @Override
        protected FeelEngine buildFeelEngine(CustomFunctionTransformer fonctions, ValueMapper.CompositeValueMapper valeurs) {
            return new AnalysesGardees(super.buildFeelEngine(fonctions, valeurs));
        }
    }

    /**
     * {@link FeelEngine#evalExpression} and {@link FeelEngine#evalUnaryTests} as the library writes them, the parse kept by text,
     * and {@link FeelEngine#evaluate} over builtin functions built once.
     */
    static final class AnalysesGardees extends FeelEngine {

        private static final Logger LOG = LoggerFactory.getLogger(AnalysesGardees.class);
        /** The library's private validation and evaluation of a parsed expression in a given context (feel-engine 1.19). */
        private static final MethodHandle VALIDER;
        private static final MethodHandle EVALUER;

        static {
            MethodHandle valider = null;
            MethodHandle evaluer = null;
            try {
                MethodHandles.Lookup prive = MethodHandles.privateLookupIn(FeelEngine.class, MethodHandles.lookup());
                valider = prive.findVirtual(FeelEngine.class, "validate", MethodType.methodType(Either.class, ParsedExpression.class));
                evaluer = prive.findVirtual(FeelEngine.class, "eval",
                        MethodType.methodType(EvaluationResult.class, ParsedExpression.class, EvalContext.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Another version of the library: its own evaluation (builtin functions rebuilt each time), nothing else changes.
                LOG.warn("FEEL : fonctions intégrées reconstruites à chaque évaluation (bibliothèque FEEL d'une autre version : {})", e.toString());
                valider = null;
                evaluer = null;
            }
            VALIDER = valider;
            EVALUER = evaluer;
        }

        /** The library's root function provider (builtin functions, then the engine's), built once. */
        private final FunctionProvider fonctions;

        private final Map<String, Either<FeelEngine.Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
        private final Map<String, Either<FeelEngine.Failure, ParsedExpression>> testsUnaires = new ConcurrentHashMap<>();

        AnalysesGardees(FeelEngine modele) {
            super(modele.functionProvider(), modele.valueMapper(), modele.configuration(), modele.clock());
            @SuppressWarnings("unchecked")
            camundajar.impl.scala.collection.immutable.List<FunctionProvider> fin = (camundajar.impl.scala.collection.immutable.List<FunctionProvider>)
                    (Object) Nil$.MODULE$;
            this.fonctions = new FunctionProvider.CompositeFunctionProvider(
                    new $colon$colon<>(new BuiltinFunctions(clock(), valueMapper()), new $colon$colon<>(functionProvider(), fin)));
        }

        static boolean fonctionsPartagees() {
            return EVALUER != null;
        }

        /**
         * As the library: validate, then evaluate in a fresh root context merged with the given one; only the root's functions are
         * shared. Any failure other than the evaluation's own result (a validation failure, an exception) is left to the library,
         * which gives the same failure as always.
         */
        @Override
        public EvaluationResult evaluate(ParsedExpression expression, Context context) {
            if (EVALUER == null) {
                return super.evaluate(expression, context);
            }
            try {
                Either<?, ?> validation = (Either<?, ?>) VALIDER.invoke(this, expression);
                if (validation.isLeft()) {
                    return super.evaluate(expression, context);
                }
                EvalContext racine = new EvalContext(valueMapper(), VariableProvider.EmptyVariableProvider$.MODULE$, fonctions,
                        new EvaluationFailureCollector());
                return (EvaluationResult) EVALUER.invoke(this, expression, racine.merge(context));
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                return super.evaluate(expression, context);
            }
        }

        @Override
        public Either<FeelEngine.Failure, Object> evalExpression(String expression, Context context) {
            Either<FeelEngine.Failure, ParsedExpression> analyse = analyse(expressions, expression, this::parseExpression);
            if (analyse.isLeft()) {
                return echec(analyse);
            }
            return eval(((Right<FeelEngine.Failure, ParsedExpression>) analyse).value(), context);
        }

        @Override
        public Either<FeelEngine.Failure, Object> evalUnaryTests(String expression, Context context) {
            Either<FeelEngine.Failure, ParsedExpression> analyse = analyse(testsUnaires, expression, this::parseUnaryTests);
            if (analyse.isLeft()) {
                return echec(analyse);
            }
            Either<FeelEngine.Failure, Object> resultat = eval(((Right<FeelEngine.Failure, ParsedExpression>) analyse).value(), context);
            if (resultat.isLeft()) {
                return resultat;
            }
            // As the library does: the result read as a boolean (null is false).
            return new Right<>(BoxesRunTime.boxToBoolean(BoxesRunTime.unboxToBoolean(((Right<FeelEngine.Failure, Object>) resultat).value())));
        }

        int textesGardes() {
            return expressions.size() + testsUnaires.size();
        }

        private static Either<FeelEngine.Failure, ParsedExpression> analyse(Map<String, Either<FeelEngine.Failure, ParsedExpression>> cache,
                String texte, Function<String, Either<FeelEngine.Failure, ParsedExpression>> analyser) {
            Either<FeelEngine.Failure, ParsedExpression> connue = cache.get(texte);
            if (connue != null) {
                return connue;
            }
            if (cache.size() >= TEXTES_MAX) {
                cache.clear();
            }
            Either<FeelEngine.Failure, ParsedExpression> analyse = analyser.apply(texte);
            cache.put(texte, analyse);
            return analyse;
        }

        @SuppressWarnings("unchecked")
        private static Either<FeelEngine.Failure, Object> echec(Either<FeelEngine.Failure, ParsedExpression> analyse) {
            // A Left carries no parsed value: the same failure, typed as an evaluation's.
            return (Either<FeelEngine.Failure, Object>) (Either<?, ?>) analyse;
        }
    }
}
