package dev.sluice.jms;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;

import java.util.List;

/** Reaches what a managed SluiceJMSContext remembers to close, for the adapter's tests of it. */
public final class ManagedContextInternals {

    private ManagedContextInternals() {
    }

    @SuppressWarnings("unchecked")
    public static List<AutoCloseable> opened(JMSContext context) throws ReflectiveOperationException {
        var field = SluiceJMSContext.class.getDeclaredField("opened");
        field.setAccessible(true);
        return (List<AutoCloseable>) field.get(context);
    }

    /** As a consumer whose close fails (leaving its subscription fails on a backend error, say). */
    public static void openFailingToClose(JMSContext context) throws ReflectiveOperationException {
        opened(context).add(0, () -> {
            throw new JMSException("leaving the subscription failed");
        });
    }
}
