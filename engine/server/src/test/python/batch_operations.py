"""Guide: Step 6 send_batch_messages (Priority attribute per entry), Step 8 delete_batch_messages, and
Best Practices 3 "Use Batch Operations" (send_message_batch / delete_message_batch, up to 10 entries) --
including the guide's literal placeholder receipt handles, which fail per entry, not the whole batch."""
import json
import time

import guide_common as g

sqs = g.client()
queue_url = sqs.create_queue(QueueName=g.unique('batch-queue'))['QueueUrl']


# Send batch messages (Step 6)
def send_batch_messages(messages):
    entries = []
    for i, msg in enumerate(messages):
        entries.append({
            'Id': str(i),
            'MessageBody': json.dumps(msg),
            'MessageAttributes': {
                'Priority': {
                    'StringValue': msg.get('priority', 'normal'),
                    'DataType': 'String'
                }
            }
        })
    response = sqs.send_message_batch(
        QueueUrl=queue_url,
        Entries=entries
    )
    return response


# Delete multiple messages (Step 8)
def delete_batch_messages(messages):
    entries = []
    for i, msg in enumerate(messages):
        entries.append({
            'Id': str(i),
            'ReceiptHandle': msg['ReceiptHandle']
        })
    return sqs.delete_message_batch(
        QueueUrl=queue_url,
        Entries=entries
    )


batch = [{'n': i, **({'priority': 'high'} if i < 3 else {})} for i in range(10)]
response = send_batch_messages(batch)
g.check_eq(response.get('Failed', []), [], 'send_message_batch Failed')
g.check_eq(sorted(int(e['Id']) for e in response['Successful']), list(range(10)), 'send_message_batch Successful ids')
for e in response['Successful']:
    g.check_eq(e['MD5OfMessageBody'], g.md5(json.dumps(batch[int(e['Id'])])), f'MD5OfMessageBody of entry {e["Id"]}')
    g.check('MD5OfMessageAttributes' in e, f'entry {e["Id"]} has MD5OfMessageAttributes: {e}')
ids = {e['MessageId']: int(e['Id']) for e in response['Successful']}
g.check_eq(len(ids), 10, 'distinct MessageIds')
g.check_eq(g.queue_counts(sqs, queue_url), (10, 0, 0), '(visible, in flight, delayed) after the batch send')

# Receive them all (standard queue: a receive may return fewer than asked, so loop, bounded)
received = {}
deadline = time.monotonic() + 15
while len(received) < 10:
    g.check(time.monotonic() < deadline, f'received {len(received)} of 10 batch messages within 15 s')
    r = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1,
                            MessageAttributeNames=['All'], VisibilityTimeout=60)
    for m in r.get('Messages', []):
        received[m['MessageId']] = m
g.check_eq(set(received), set(ids), 'received MessageIds')
for mid, m in received.items():
    sent = batch[ids[mid]]
    g.check_eq(json.loads(m['Body']), sent, f'body of {mid}')
    g.check_eq(m['MessageAttributes']['Priority']['StringValue'], sent.get('priority', 'normal'),
               f'Priority of {mid}')

response = delete_batch_messages(list(received.values()))
g.check_eq(response.get('Failed', []), [], 'delete_message_batch Failed')
g.check_eq(sorted(int(e['Id']) for e in response['Successful']), list(range(10)), 'delete_message_batch Successful ids')
g.check_eq(g.queue_counts(sqs, queue_url), (0, 0, 0), '(visible, in flight, delayed) after the batch delete')

# Best Practices 3, verbatim: the placeholder bodies go in, the placeholder handles are rejected per entry
response = sqs.send_message_batch(
    QueueUrl=queue_url,
    Entries=[
        {'Id': '1', 'MessageBody': 'message1'},
        {'Id': '2', 'MessageBody': 'message2'},
        # ... up to 10 messages
    ]
)
g.check_eq(sorted(e['Id'] for e in response['Successful']), ['1', '2'], 'best-practice batch send Successful ids')
r = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1)
real_handle = r['Messages'][0]['ReceiptHandle']
response = sqs.delete_message_batch(
    QueueUrl=queue_url,
    Entries=[
        {'Id': '1', 'ReceiptHandle': 'handle1'},
        {'Id': '2', 'ReceiptHandle': 'handle2'},
        {'Id': '3', 'ReceiptHandle': real_handle},
    ]
)
g.check_eq([e['Id'] for e in response.get('Successful', [])], ['3'], 'delete batch Successful ids (real handle)')
failed = sorted(response.get('Failed', []), key=lambda e: e['Id'])
g.check_eq([(e['Id'], e['Code'], e['SenderFault']) for e in failed],
           [('1', 'ReceiptHandleIsInvalid', True), ('2', 'ReceiptHandleIsInvalid', True)],
           'delete batch Failed entries for placeholder handles')

# More than 10 entries is refused as a whole
try:
    sqs.send_message_batch(QueueUrl=queue_url,
                           Entries=[{'Id': str(i), 'MessageBody': 'x'} for i in range(11)])
    g.fail('send_message_batch with 11 entries succeeded')
except sqs.exceptions.ClientError as e:
    g.check_eq(g.error_code(e), 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest', '11-entry batch error code')

g.ok('batch: 10 sent and deleted in one call each; bad handles fail per entry; 11 entries refused')
