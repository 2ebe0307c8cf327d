package dev.sluice.engine.model;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New message ids: UUIDs of version 7 (RFC 9562), which begin with their creation time in milliseconds. Like
 * SQS's they are opaque and unique; unlike random ones they sort by age, which keeps any index on them (a user's
 * copy of the store, an application's table of processed ids) growing at one end.
 */
public final class MessageIds {

    private MessageIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
