"""Guide: Step 8 "Delete Messages" -- purge_queue ("Purge all messages from queue"), next to
delete_message. Visible, in-flight and delayed messages all go; messages sent afterwards stay; a second
purge within 60 seconds is refused with PurgeQueueInProgress, as by SQS."""
import time

import guide_common as g

sqs = g.client()
queue_url = sqs.create_queue(QueueName=g.unique('purge-queue'))['QueueUrl']


def purge_queue():
    """Purge all messages from queue"""
    sqs.purge_queue(QueueUrl=queue_url)


def delete_message(receipt_handle):
    """Delete single message"""
    sqs.delete_message(
        QueueUrl=queue_url,
        ReceiptHandle=receipt_handle
    )


sqs.send_message_batch(QueueUrl=queue_url, Entries=[{'Id': str(i), 'MessageBody': f'm{i}'} for i in range(5)])
sqs.send_message(QueueUrl=queue_url, MessageBody='delayed', DelaySeconds=60)
in_flight = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=1, VisibilityTimeout=60)['Messages']
g.check_eq(len(in_flight), 1, 'messages taken in flight')
delete_message(in_flight[0]['ReceiptHandle'])
in_flight = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=1, VisibilityTimeout=60)['Messages']
g.check_eq(g.queue_counts(sqs, queue_url), (3, 1, 1), '(visible, in flight, delayed) before the purge')

purge_queue()
# SQS may take a moment to finish a purge: poll the counts, bounded
g.wait_until(lambda: g.queue_counts(sqs, queue_url) == (0, 0, 0), 10, 'queue empty after purge_queue')
r = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1)
g.check_eq(r.get('Messages', []), [], 'messages received after the purge')

# The queue itself stays, and takes new messages
sqs.send_message(QueueUrl=queue_url, MessageBody='after purge')
messages = g.wait_until(lambda: sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=1).get('Messages'), 5,
                        'message sent after the purge received')
g.check_eq([m['Body'] for m in messages], ['after purge'], 'bodies after the purge')

try:
    purge_queue()
    g.fail('a second purge_queue within 60 s succeeded')
except sqs.exceptions.ClientError as e:
    g.check_eq(g.error_code(e), 'AWS.SimpleQueueService.PurgeQueueInProgress', 'second purge error code')

g.ok('purge: visible, in-flight and delayed messages removed; later sends kept; re-purge within 60 s refused')
