package dev.sluice.jms.backend;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.MessageFormatException;

/** A queue name or attribute the backend refused when creating a queue: the destination is what is wrong. */
public final class InvalidQueue {

    private InvalidQueue() {
    }

    /** The refusal as an InvalidDestinationException, with the same message, code and cause. */
    public static InvalidDestinationException from(MessageFormatException refused) {
        InvalidDestinationException j = new InvalidDestinationException(refused.getMessage(), refused.getErrorCode());
        j.setLinkedException(refused.getLinkedException());
        return j;
    }
}
