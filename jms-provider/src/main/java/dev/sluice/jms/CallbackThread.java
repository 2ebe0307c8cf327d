package dev.sluice.jms;

/**
 * A thread of Sluice's that runs application callbacks: a session's MessageListener deliveries or its
 * CompletionListeners. Code running on one must not wait for another session's listener to return, since that
 * listener may be waiting for this very thread.
 */
final class CallbackThread extends Thread {

    CallbackThread(Runnable task, String name) {
        super(task, name);
        setDaemon(true);
    }

    static boolean current() {
        return Thread.currentThread() instanceof CallbackThread;
    }
}
