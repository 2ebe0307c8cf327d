package dev.sluice.ra.outbound;

import dev.sluice.jms.SluiceSession;
import jakarta.jms.IllegalStateException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicSession;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one connection handle sees of the pooled connection's transacted session. Every handle in a container
 * transaction shares that one session (its work is the transaction's), so the application's close cannot close
 * it; but once the application closed its session or its connection, the JMS contract is that the session and
 * its producers, consumers and browsers refuse further use with an IllegalStateException. This view gives each
 * handle that contract while the shared session lives on until the transaction manager settles it.
 */
final class TransactionSessionView implements InvocationHandler {

    private final SluiceSession shared;
    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private TransactionSessionView(SluiceSession shared) {
        this.shared = shared;
    }

    static Session of(SluiceSession shared) {
        return (Session) Proxy.newProxyInstance(TransactionSessionView.class.getClassLoader(),
                new Class<?>[]{QueueSession.class, TopicSession.class}, new TransactionSessionView(shared));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "container transaction session " + shared + (closed ? " (closed)" : "");
            case "close":
                close();
                return null;
            default:
        }
        checkOpen();
        Object result = call(shared, method, args);
        if (result instanceof MessageConsumer || result instanceof QueueBrowser) {
            // a consumer or browser holds provider resources: closing the session closes it, as a session close does
            opened.add((AutoCloseable) result);
        }
        // producers, consumers and browsers are the session's: they refuse use once it is closed
        return result instanceof MessageProducer || result instanceof MessageConsumer || result instanceof QueueBrowser
                ? guard(result) : result;
    }

    /**
     * With every JMS interface the target has, so the object is what it is outside a transaction (a consumer a
     * QueueReceiver and TopicSubscriber, a producer a QueueSender and TopicPublisher) and casts work alike.
     */
    private Object guard(Object target) {
        Class<?>[] types = Arrays.stream(target.getClass().getInterfaces())
                .filter(i -> i.getPackageName().equals("jakarta.jms")).toArray(Class<?>[]::new);
        return Proxy.newProxyInstance(TransactionSessionView.class.getClassLoader(), types,
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> target + (closed ? " (session closed)" : "");
                    case "close" -> call(target, method, args);
                    default -> {
                        checkOpen();
                        yield call(target, method, args);
                    }
                });
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("The session is closed.");
        }
    }

    private void close() throws Exception {
        closed = true;
        for (AutoCloseable c : opened) {
            c.close();
        }
        opened.clear();
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
