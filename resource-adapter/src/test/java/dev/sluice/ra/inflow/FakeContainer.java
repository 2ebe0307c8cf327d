package dev.sluice.ra.inflow;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkManager;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Just enough of an application server to drive inflow: a WorkManager that runs each Work on its own thread, and
 * an MDB whose onMessage is the test's. A transacted MDB's afterDelivery ends the transaction as a container does:
 * rolled back when onMessage threw, committed otherwise, told to the XAResource the adapter passed in createEndpoint.
 */
final class FakeContainer {

    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Thread> workThreads = new CopyOnWriteArrayList<>();
    private final boolean transacted;
    private final Consumer<Message> bean;

    FakeContainer(boolean transacted, Consumer<Message> bean) {
        this.transacted = transacted;
        this.bean = bean;
    }

    BootstrapContext bootstrap() {
        WorkManager work = (WorkManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{WorkManager.class}, (p, m, args) -> {
                    if (m.getName().equals("scheduleWork") || m.getName().equals("startWork")) {
                        Thread t = new Thread(((Work) args[0])::run, "fake-work");
                        workThreads.add(t);
                        t.start();
                        return m.getReturnType() == long.class ? 0L : null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return (BootstrapContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{BootstrapContext.class}, (p, m, args) -> {
                    if (m.getName().equals("getWorkManager")) {
                        return work;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    MessageEndpointFactory endpoints() {
        return (MessageEndpointFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{MessageEndpointFactory.class}, (p, m, args) -> switch (m.getName()) {
                    case "isDeliveryTransacted" -> transacted;
                    case "createEndpoint" -> endpoint((XAResource) args[0]);
                    case "getActivationName", "toString" -> "fake-mdb";
                    case "getEndpointClass" -> MessageListener.class;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private MessageEndpoint endpoint(XAResource xa) {
        created.incrementAndGet();
        boolean[] threw = new boolean[1];
        return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{MessageEndpoint.class, MessageListener.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "beforeDelivery" -> {
                            calls.add("before");
                            threw[0] = false;
                            if (xa != null) {
                                xa.start(XID, XAResource.TMNOFLAGS);
                            }
                        }
                        case "onMessage" -> {
                            calls.add("onMessage");
                            try {
                                bean.accept((Message) args[0]);
                            } catch (RuntimeException e) {
                                threw[0] = true;
                                throw e;
                            }
                        }
                        case "afterDelivery" -> {
                            calls.add("after");
                            if (xa != null) {
                                xa.end(XID, XAResource.TMSUCCESS);
                                if (threw[0]) {
                                    xa.rollback(XID);
                                } else {
                                    xa.commit(XID, true);
                                }
                            }
                        }
                        case "release" -> {
                            calls.add("release");
                            released.incrementAndGet();
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(p);
                        }
                        case "equals" -> {
                            return p == args[0];
                        }
                        case "toString" -> {
                            return "fake-endpoint";
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
    }

    private static final Xid XID = new Xid() {
        @Override
        public int getFormatId() {
            return 1;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return new byte[]{1};
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[]{1};
        }
    };
}
