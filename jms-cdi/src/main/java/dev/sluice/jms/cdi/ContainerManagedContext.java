package dev.sluice.jms.cdi;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * The injected JMSContext as an application server hands it out ("Restrictions on use of injected
 * JMSContext objects" in the Jakarta Messaging specification): its lifecycle belongs to the request, so the
 * methods that close, stop or end its session's work throw IllegalStateRuntimeException. Code written
 * against the SE producer then behaves the same when it moves into an application server.
 */
final class ContainerManagedContext implements InvocationHandler {

    private static final Set<String> REFUSED = Set.of("close", "stop", "start", "setAutoStart", "setClientID",
            "setExceptionListener", "acknowledge", "commit", "rollback", "recover");

    private final JMSContext delegate;

    private ContainerManagedContext(JMSContext delegate) {
        this.delegate = delegate;
    }

    static JMSContext wrap(JMSContext context) {
        return (JMSContext) Proxy.newProxyInstance(JMSContext.class.getClassLoader(), new Class<?>[]{JMSContext.class},
                new ContainerManagedContext(context));
    }

    /** Closes the context behind a wrapper: the disposer's job when the request ends. */
    static void closeManaged(JMSContext wrapper) {
        ((ContainerManagedContext) Proxy.getInvocationHandler(wrapper)).delegate.close();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (REFUSED.contains(method.getName())) {
            throw new IllegalStateRuntimeException("JMSContext." + method.getName() + "() is not allowed on an injected "
                    + "JMSContext: its request opens and closes it. Inject the ConnectionFactory and create a context "
                    + "to manage one yourself.");
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
