package dev.budget4j.junit.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Function;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * A test method's body as a function the harness can call many times: the same target and the
 * same resolved arguments each time. Errors (a failed assertion) propagate and end the test;
 * runtime exceptions count as failed calls; checked exceptions are wrapped so they count too.
 */
public final class MethodBody implements Function<Object, Object> {
    private final Method method;
    private final Object target;
    private final Object[] arguments;
    private final boolean direct;

    /**
     * @param method the test method
     * @param target the test instance, or null for a static method
     * @param arguments the resolved arguments
     */
    public MethodBody(Method method, Object target, List<Object> arguments) {
        this.method = method;
        this.target = target;
        this.arguments = arguments.toArray();
        // On the module path a test package is opened to JUnit, not to budget4j: then call it through JUnit.
        this.direct = method.trySetAccessible();
    }

    @Override
    public Object apply(Object ignored) {
        if (!direct) {
            try {
                return ReflectionSupport.invokeMethod(method, target, arguments);
            } catch (Error | RuntimeException e) {
                throw e;
            } catch (Throwable t) {
                throw new Thrown(t);   // JUnit rethrows the body's checked exception unwrapped
            }
        }
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new Thrown(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method + ": " + e.getMessage(), e);
        }
    }

    /** A checked exception of the body, carried through the harness, which counts runtime exceptions. */
    static final class Thrown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Thrown(Throwable cause) {
            super(cause.toString(), cause);
        }
    }
}
