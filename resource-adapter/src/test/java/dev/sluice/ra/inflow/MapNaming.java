package dev.sluice.ra.inflow;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JNDI provider holding what a test binds, for {@code new InitialContext()} as the adapter calls it in a server:
 * named by the {@code java.naming.factory.initial} system property while a test runs ({@link #install()}).
 */
public final class MapNaming implements InitialContextFactory {

    static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    static void install() {
        BOUND.clear();
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, MapNaming.class.getName());
    }

    static void uninstall() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        BOUND.clear();
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(MapNaming.class.getClassLoader(), new Class<?>[]{Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        String name = args[0].toString();
                        Object found = BOUND.get(name);
                        if (found == null) {
                            throw new NameNotFoundException(name + " not bound");
                        }
                        yield found;
                    }
                    case "close" -> null;
                    case "getEnvironment" -> new Hashtable<>();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
