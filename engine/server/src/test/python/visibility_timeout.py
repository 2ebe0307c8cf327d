"""Guide: Best Practices 2 "Set Appropriate Visibility Timeout" (processing_time + buffer via
set_queue_attributes; "too short: messages become visible before processing completes"), the Key Concepts'
visibility timeout, Common Use Cases 2's per-receive VisibilityTimeout=300, and extending a message's
visibility while it is processed with change_message_visibility. Short timeouts (1 s) and bounded polling."""
import time

import guide_common as g

sqs = g.client()
queue_url = sqs.create_queue(QueueName=g.unique('visibility-queue'))['QueueUrl']

# Best Practices 2, as written
processing_time = 30  # seconds
buffer = 10  # seconds
visibility_timeout = processing_time + buffer
sqs.set_queue_attributes(
    QueueUrl=queue_url,
    Attributes={
        'VisibilityTimeout': str(visibility_timeout)
    }
)
g.check_eq(sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=['VisibilityTimeout'])['Attributes'],
           {'VisibilityTimeout': '40'}, 'VisibilityTimeout after set_queue_attributes')

# Now a 1 s timeout, so that "too short" can be watched happen
sqs.set_queue_attributes(QueueUrl=queue_url, Attributes={'VisibilityTimeout': '1'})


def receive(**kwargs):
    return sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=1, AttributeNames=['ApproximateReceiveCount'],
                               **kwargs).get('Messages', [])


# Too short: without an extension the message comes back once the 1 s timeout passes
sqs.send_message(QueueUrl=queue_url, MessageBody='slow job')
receive_started = time.monotonic()  # the 1 s runs from some moment after this
first = receive()
g.check_eq([m['Body'] for m in first], ['slow job'], 'first receive')
# taken with a 2 s per-receive timeout this time, so that the extension below surely comes in time
again = g.wait_until(lambda: receive(VisibilityTimeout=2), 6, 'message visible again after the 1 s visibility timeout')
back_after = time.monotonic() - receive_started
g.check(back_after >= 0.9, f'message visible again {back_after:.2f} s after a receive with a 1 s timeout')
g.check_eq(again[0]['Attributes']['ApproximateReceiveCount'], '2', 'ApproximateReceiveCount on the second receive')

# Extension: change_message_visibility while "processing" keeps it hidden past its original timeout
handle = again[0]['ReceiptHandle']
extended_at = time.monotonic()
sqs.change_message_visibility(QueueUrl=queue_url, ReceiptHandle=handle, VisibilityTimeout=30)
while time.monotonic() - extended_at < 3.0:  # past the 2 s it was received with
    g.check_eq(receive(WaitTimeSeconds=1), [], 'receive while the visibility is extended')
g.check_eq(g.queue_counts(sqs, queue_url), (0, 1, 0), '(visible, in flight, delayed) while extended')

# Done early: VisibilityTimeout=0 makes it visible at once (e.g. to hand the job back)
sqs.change_message_visibility(QueueUrl=queue_url, ReceiptHandle=handle, VisibilityTimeout=0)
third = g.wait_until(lambda: receive(), 2, 'message visible right after change_message_visibility(0)')
g.check_eq(third[0]['Attributes']['ApproximateReceiveCount'], '3', 'ApproximateReceiveCount on the third receive')

# A per-receive VisibilityTimeout (use case 2 uses 300 s) overrides the queue's 1 s
sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=third[0]['ReceiptHandle'])
sqs.send_message(QueueUrl=queue_url, MessageBody='long task')
task = receive(VisibilityTimeout=300)
g.check_eq([m['Body'] for m in task], ['long task'], 'receive with VisibilityTimeout=300')
hidden_since = time.monotonic()
while time.monotonic() - hidden_since < 2.0:
    g.check_eq(receive(WaitTimeSeconds=1), [], 'receive within a 300 s per-receive visibility timeout')
sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=task[0]['ReceiptHandle'])

# A deleted message's handle can no longer extend anything
try:
    sqs.change_message_visibility(QueueUrl=queue_url, ReceiptHandle=task[0]['ReceiptHandle'], VisibilityTimeout=10)
    g.fail('change_message_visibility on a deleted message succeeded')
except sqs.exceptions.ClientError as e:
    g.check_eq(g.error_code(e), 'InvalidParameterValue', 'error code for a deleted message')
    g.check('Message does not exist or is not available for visibility timeout change' in str(e),
            f'error message for a deleted message: {e}')

g.check_eq(g.queue_counts(sqs, queue_url), (0, 0, 0), '(visible, in flight, delayed) at the end')
g.ok('visibility: a 1 s timeout expires, change_message_visibility extends it and releases it with 0')
