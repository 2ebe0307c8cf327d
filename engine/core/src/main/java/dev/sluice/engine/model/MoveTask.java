package dev.sluice.engine.model;

/**
 * A message move task as ListMessageMoveTasks reports it.
 *
 * @param status RUNNING, COMPLETED, CANCELLING, CANCELLED or FAILED
 */
public record MoveTask(String taskHandle, String status, String sourceArn, String destinationArn,
                       Integer maxNumberOfMessagesPerSecond, long approximateNumberOfMessagesMoved,
                       long approximateNumberOfMessagesToMove, String failureReason, long startedTimestamp) {
}
