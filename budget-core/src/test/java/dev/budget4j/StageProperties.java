package dev.budget4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of stages and of the budget decorator, over generated functions and inputs. */
class StageProperties {
    private static final Budget BUDGET = Budget.parse("p99<=1s errors<=100%");

    /** A generated stage: an arithmetic function that throws for some inputs. */
    record Fn(String name, long mul, long add, long failModulo) implements Function<Long, Long> {
        @Override
        public Long apply(Long x) {
            if (failModulo > 0 && Math.floorMod(x, failModulo) == 0) {
                throw new IllegalStateException(name + " fails on " + x);
            }
            return x * mul + add;
        }
    }

    @Provide
    Arbitrary<Fn> functions() {
        return Arbitraries.longs().between(-5, 5).flatMap(mul -> Arbitraries.longs().between(-100, 100)
                .flatMap(add -> Arbitraries.longs().between(0, 7)
                        .map(mod -> new Fn("f" + mul + "_" + add + "_" + mod, mul, add, mod))));
    }

    @Property(tries = 200)
    void budgetedStageReturnsAndThrowsExactlyWhatTheStageDoes(@ForAll("functions") Fn fn, @ForAll long input) {
        BudgetedStage<Long, Long> budgeted = Budgets.budgetedStage(fn.name(), fn, BUDGET);
        Object expected = outcome(fn, input);
        Object actual = outcome(budgeted, input);
        if (expected instanceof RuntimeException) {
            assertSame(IllegalStateException.class, actual.getClass());
            assertEquals(((RuntimeException) expected).getMessage(), ((RuntimeException) actual).getMessage());
            assertEquals(1, budgeted.snapshot().failures());
        } else {
            assertEquals(expected, actual);
            assertEquals(0, budgeted.snapshot().failures());
        }
        assertEquals(1, budgeted.snapshot().calls());
    }

    @Property(tries = 200)
    void andThenIsAssociativeForBudgetedStages(@ForAll("functions") Fn f, @ForAll("functions") Fn g,
            @ForAll("functions") Fn h, @ForAll long input) {
        Stage<Long, Long> a = Budgets.budgetedStage("a", f, BUDGET);
        Stage<Long, Long> b = Budgets.budgetedStage("b", g, BUDGET);
        Stage<Long, Long> c = Budgets.budgetedStage("c", h, BUDGET);
        Stage<Long, Long> left = a.andThen(b).andThen(c);
        Stage<Long, Long> right = a.andThen(b.andThen(c));
        assertEquals(describe(outcome(left, input)), describe(outcome(right, input)));
        assertEquals(left.stages(), right.stages());
        assertEquals(List.of(a, b, c), left.stages());
    }

    @Property(tries = 200)
    void identityIsTheUnitOfAndThen(@ForAll("functions") Fn f, @ForAll long input) {
        Stage<Long, Long> a = Budgets.budgetedStage("a", f, BUDGET);
        Stage<Long, Long> leftUnit = Stage.<Long>identity().andThen(a);
        Stage<Long, Long> rightUnit = a.andThen(Stage.identity());
        assertEquals(describe(outcome(a, input)), describe(outcome(leftUnit, input)));
        assertEquals(describe(outcome(a, input)), describe(outcome(rightUnit, input)));
        assertEquals(a.stages(), leftUnit.stages());
        assertEquals(a.stages(), rightUnit.stages());
    }

    @Property(tries = 50)
    void namedFunctionsCompose(@ForAll("functions") Fn f, @ForAll("functions") Fn g, @ForAll long input) {
        Stage<Long, Long> composed = Stage.of("f", f).andThen(g);
        assertEquals(describe(outcome(g.compose(f), input)), describe(outcome(composed, input)));
        assertEquals(2, composed.stages().size());
        assertEquals("f -> " + g.getClass().getSimpleName(), composed.name());
    }

    @Property(tries = 20)
    void nullArgumentsAreNamed(@ForAll("functions") Fn f) {
        assertEquals("stage must not be null",
                assertThrows(NullPointerException.class, () -> Budgets.budgetedStage(null, BUDGET)).getMessage());
        assertEquals("budget must not be null",
                assertThrows(NullPointerException.class, () -> Budgets.budgetedStage(Stage.of("x", f), null))
                        .getMessage());
        assertEquals("name must not be null",
                assertThrows(NullPointerException.class, () -> Budgets.budgetedStage(null, f, BUDGET)).getMessage());
        assertEquals("function must not be null",
                assertThrows(NullPointerException.class, () -> Stage.of("x", null)).getMessage());
    }

    private static Object outcome(Function<Long, Long> fn, long input) {
        try {
            return fn.apply(input);
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static Object describe(Object outcome) {
        return outcome instanceof RuntimeException
                ? outcome.getClass().getName() + ": " + ((RuntimeException) outcome).getMessage()
                : outcome;
    }
}
