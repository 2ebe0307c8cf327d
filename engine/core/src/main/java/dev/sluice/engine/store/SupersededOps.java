package dev.sluice.engine.store;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the ops of one transaction that a later delete in the same transaction makes pointless: a message
 * received and acknowledged between two commits needs only its delete written, and a message sent, received and
 * acknowledged between two commits (the common case for a consumer keeping up with its producers) needs nothing
 * written at all: neither its insert, nor its delivery updates, nor the delete. Nothing outside the transaction
 * can see the difference, since all of them land in the same commit or none does; the send's submitter is still
 * answered only after that commit is flushed.
 *
 * <p>An op is superseded only when the delete names the queue the op put the message in (or no queue), an
 * insert's sequence number too (unless the delete goes by id), and no move, purge or queue removal comes between
 * them: a delete aimed at the queue a message has left deletes nothing, so what came before must stay.
 *
 * <p>Apply the result only to ops that commit or roll back together: when units are applied one by one, each in
 * a savepoint, a rejected unit holding the delete would leave the message without its insert.
 */
final class SupersededOps {

    private SupersededOps() {
    }

    /** The superseded ops, by identity, in units applied in the given order. */
    static Set<StoreOp> in(List<List<StoreOp>> units) {
        Set<StoreOp> superseded = null;
        // message id -> the next delete of it; walking backwards, later ops come first
        Map<String, StoreOp.DeleteMessage> deletedLater = null;
        for (int u = units.size() - 1; u >= 0; u--) {
            List<StoreOp> ops = units.get(u);
            for (int i = ops.size() - 1; i >= 0; i--) {
                StoreOp op = ops.get(i);
                if (op instanceof StoreOp.DeleteMessage d) {
                    if (deletedLater == null) {
                        deletedLater = new HashMap<>();
                    }
                    deletedLater.put(d.messageId(), d);
                } else if (deletedLater == null) {
                    continue;
                } else if (op instanceof StoreOp.MoveMessage m) {
                    deletedLater.remove(m.messageId());
                } else if (op instanceof StoreOp.UpdateDelivery update) {
                    StoreOp.DeleteMessage d = deletedLater.get(update.messageId());
                    if (d != null && inQueue(d, update.queue())) {
                        superseded = add(superseded, update);
                    }
                } else if (op instanceof StoreOp.InsertMessage insert) {
                    StoredMessage m = insert.message();
                    StoreOp.DeleteMessage d = deletedLater.remove(m.id());
                    if (d != null && inQueue(d, m.queue())
                            && (d.seq() == StoreOp.DeleteMessage.UNKNOWN_SEQ || d.seq() == m.seq())) {
                        superseded = add(add(superseded, insert), d);
                    }
                } else if (op instanceof StoreOp.DropQueue || op instanceof StoreOp.PurgeQueue) {
                    // a delete after these may find nothing; keep what came before them
                    deletedLater = null;
                }
            }
        }
        return superseded == null ? Set.of() : superseded;
    }

    private static boolean inQueue(StoreOp.DeleteMessage delete, String queue) {
        return delete.queue() == null || delete.queue().equals(queue);
    }

    private static Set<StoreOp> add(Set<StoreOp> set, StoreOp op) {
        Set<StoreOp> s = set != null ? set : Collections.newSetFromMap(new IdentityHashMap<>());
        s.add(op);
        return s;
    }
}
