"""Guide: Queue Types "FIFO Queue" (exactly-once processing, first-in-first-out, deduplication), Step 3's
create_fifo_queue (FifoQueue + ContentBasedDeduplication) and Troubleshooting 3 "Duplicate Messages" (use
content-based deduplication). A duplicate body gets the same MessageId and is delivered once; messages come
out in order within each message group."""
import time

import guide_common as g

sqs = g.client()


# Step 3: Create FIFO queue
def create_fifo_queue(queue_name):
    response = sqs.create_queue(
        QueueName=f'{queue_name}.fifo',
        Attributes={
            'FifoQueue': 'true',
            'ContentBasedDeduplication': 'true',
            'VisibilityTimeout': '30',
            'MessageRetentionPeriod': '345600'
        }
    )
    return response['QueueUrl']


base = g.unique('orders')
queue_url = create_fifo_queue(base)
g.check(queue_url.endswith(f'/{base}.fifo'), f'FIFO queue URL {queue_url}')
attributes = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=['All'])['Attributes']
g.check_eq((attributes.get('FifoQueue'), attributes.get('ContentBasedDeduplication')), ('true', 'true'),
           'FifoQueue, ContentBasedDeduplication')

# Content-based deduplication: the same body within the dedup interval is the same message
first = sqs.send_message(QueueUrl=queue_url, MessageBody='order-1 created', MessageGroupId='customer-a')
dup = sqs.send_message(QueueUrl=queue_url, MessageBody='order-1 created', MessageGroupId='customer-a')
g.check_eq(dup['MessageId'], first['MessageId'], 'MessageId of the duplicate body')
g.check_eq(dup.get('SequenceNumber'), first.get('SequenceNumber'), 'SequenceNumber of the duplicate body')

sends = [('customer-a', 'order-1 paid'), ('customer-b', 'order-2 created'), ('customer-a', 'order-1 shipped'),
         ('customer-b', 'order-2 paid'), ('customer-a', 'order-1 created'),  # duplicate again: dropped
         ('customer-b', 'order-2 shipped')]
for group, body in sends:
    sqs.send_message(QueueUrl=queue_url, MessageBody=body, MessageGroupId=group)
expected = {'customer-a': ['order-1 created', 'order-1 paid', 'order-1 shipped'],
            'customer-b': ['order-2 created', 'order-2 paid', 'order-2 shipped']}
g.check_eq(g.queue_counts(sqs, queue_url)[0], 6, 'visible messages (duplicates not counted)')

# Consume: each receive may hand out several messages of a group, in order; delete before the next receive
delivered = {'customer-a': [], 'customer-b': []}
sequence_numbers = []
deadline = time.monotonic() + 15
while sum(len(v) for v in delivered.values()) < 6:
    g.check(time.monotonic() < deadline, f'delivered so far {delivered}, expected {expected}')
    r = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1, AttributeNames=['All'])
    for m in r.get('Messages', []):
        delivered[m['Attributes']['MessageGroupId']].append(m['Body'])
        sequence_numbers.append((m['Attributes']['MessageGroupId'], int(m['Attributes']['SequenceNumber'])))
        sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=m['ReceiptHandle'])
g.check_eq(delivered, expected, 'bodies delivered per group (order kept, duplicates delivered once)')
for group in expected:
    numbers = [n for gr, n in sequence_numbers if gr == group]
    g.check_eq(numbers, sorted(numbers), f'SequenceNumbers within {group} increase')

r = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1)
g.check_eq(r.get('Messages', []), [], 'messages left after consuming everything')

# A FIFO send without MessageGroupId is refused
try:
    sqs.send_message(QueueUrl=queue_url, MessageBody='no group')
    g.fail('send_message to a FIFO queue without MessageGroupId succeeded')
except sqs.exceptions.ClientError as e:
    g.check_eq(g.error_code(e), 'MissingParameter', 'error code without MessageGroupId')

g.ok('FIFO: duplicate body -> same MessageId and one delivery; order kept per message group')
