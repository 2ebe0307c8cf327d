package dev.sluice.engine.store;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the delivery updates of one transaction that a later delete in the same transaction makes pointless:
 * a message received and acknowledged between two commits needs only its delete written. Nothing outside the
 * transaction can see the difference, since both land in the same commit or neither does.
 *
 * <p>An update is superseded only when the delete names the queue the update was made in (or no queue) and no
 * move of that message comes between them: a delete aimed at the queue a message has left deletes nothing, so
 * the update must stay.
 */
final class SupersededUpdates {

    private SupersededUpdates() {
    }

    /** The superseded ops, by identity, in units applied in the given order. */
    static Set<StoreOp> in(List<List<StoreOp>> units) {
        Set<StoreOp> superseded = null;
        // message id -> queue of a later delete (null: any queue); walking backwards, later ops come first
        Map<String, String> deletedLater = null;
        for (int u = units.size() - 1; u >= 0; u--) {
            List<StoreOp> ops = units.get(u);
            for (int i = ops.size() - 1; i >= 0; i--) {
                StoreOp op = ops.get(i);
                if (op instanceof StoreOp.DeleteMessage d) {
                    if (deletedLater == null) {
                        deletedLater = new HashMap<>();
                    }
                    deletedLater.put(d.messageId(), d.queue() == null ? "" : d.queue());
                } else if (op instanceof StoreOp.MoveMessage m) {
                    if (deletedLater != null) {
                        deletedLater.remove(m.messageId());
                    }
                } else if (op instanceof StoreOp.UpdateDelivery update && deletedLater != null) {
                    String queue = deletedLater.get(update.messageId());
                    if (queue != null && (queue.isEmpty() || queue.equals(update.queue()))) {
                        if (superseded == null) {
                            superseded = Collections.newSetFromMap(new IdentityHashMap<>());
                        }
                        superseded.add(update);
                    }
                } else if (op instanceof StoreOp.DropQueue || op instanceof StoreOp.PurgeQueue) {
                    // a delete after these may find nothing; keep the updates before them
                    deletedLater = null;
                }
            }
        }
        return superseded == null ? Set.of() : superseded;
    }
}
