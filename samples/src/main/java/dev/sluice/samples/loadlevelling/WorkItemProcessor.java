package dev.sluice.samples.loadlevelling;

import dev.sluice.samples.support.Tally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The guide's worker(): each item takes a little time; the processor counts how many items are being worked
 * on at once, which the size of the worker pool bounds however fast the items arrive.
 */
@ApplicationScoped
public class WorkItemProcessor implements MessageListener {

    /** One processed item and the worker thread that did it. */
    public record Done(String item, String worker) {
    }

    private final Tally<Done> done = new Tally<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger mostBusy = new AtomicInteger();

    @Override
    public void onMessage(Message message) {
        mostBusy.accumulateAndGet(busy.incrementAndGet(), Math::max);
        try {
            Thread.sleep(5); // the image resizing or data ingestion of one item
            done.add(new Done(message.getBody(String.class), Thread.currentThread().getName()));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSRuntimeException("interrupted while processing a work item");
        } finally {
            busy.decrementAndGet();
        }
    }

    public Tally<Done> done() {
        return done;
    }

    /** The largest number of items in processing at the same moment. */
    public int mostBusy() {
        return mostBusy.get();
    }
}
