package dev.sluice.server.action;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every SQS action the endpoint serves, by name. */
public final class Actions {

    private static final Map<String, SqsAction> BY_NAME = List.of(
            new CreateQueueAction(), new GetQueueUrlAction(), new ListQueuesAction(), new DeleteQueueAction(),
            new GetQueueAttributesAction(), new SetQueueAttributesAction(), new PurgeQueueAction(),
            new TagQueueAction(), new UntagQueueAction(), new ListQueueTagsAction(),
            new ListDeadLetterSourceQueuesAction(), new SendMessageAction(), new SendMessageBatchAction(),
            new ReceiveMessageAction(), new DeleteMessageAction(), new DeleteMessageBatchAction(),
            new ChangeMessageVisibilityAction(), new ChangeMessageVisibilityBatchAction(),
            new StartMessageMoveTaskAction(), new ListMessageMoveTasksAction(), new CancelMessageMoveTaskAction())
            .stream().collect(Collectors.toUnmodifiableMap(SqsAction::name, Function.identity()));

    private Actions() {
    }

    /** The action, or null if SQS has no action of that name (or Sluice does not serve it). */
    public static SqsAction find(String name) {
        return name == null ? null : BY_NAME.get(name);
    }

    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }
}
