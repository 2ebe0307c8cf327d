"""Guide: Step 3 create_queue_with_dlq (DLQ first, its QueueArn from get_queue_attributes, RedrivePolicy via
json.dumps), Common Use Cases 6 "Dead Letter Queue Pattern" (configure_dlq with set_queue_attributes,
process_with_dlq whose processing keeps failing, process_dlq) and Best Practices 4. maxReceiveCount is 2 and
the visibility timeout 1 s so a failing message reaches the DLQ in a few seconds."""
import json
import time

import guide_common as g

sqs = g.client()
MAX_RECEIVE_COUNT = 2


# Step 3: Create queue with Dead Letter Queue (maxReceiveCount and VisibilityTimeout made short)
def create_queue_with_dlq(queue_name, dlq_name):
    # Create DLQ first
    dlq_response = sqs.create_queue(QueueName=dlq_name)
    dlq_arn = sqs.get_queue_attributes(
        QueueUrl=dlq_response['QueueUrl'],
        AttributeNames=['QueueArn']
    )['Attributes']['QueueArn']
    # Create main queue with redrive policy
    redrive_policy = {
        'deadLetterTargetArn': dlq_arn,
        'maxReceiveCount': MAX_RECEIVE_COUNT
    }
    response = sqs.create_queue(
        QueueName=queue_name,
        Attributes={
            'RedrivePolicy': json.dumps(redrive_policy),
            'VisibilityTimeout': '1'
        }
    )
    return response['QueueUrl']


main_name, dlq_name = g.unique('main-queue'), g.unique('dlq')
main_queue_url = create_queue_with_dlq(main_name, dlq_name)
dlq_url = sqs.get_queue_url(QueueName=dlq_name)['QueueUrl']
dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
g.check(dlq_arn.startswith('arn:aws:sqs:') and dlq_arn.endswith(':' + dlq_name), f'DLQ QueueArn {dlq_arn}')
policy = json.loads(sqs.get_queue_attributes(QueueUrl=main_queue_url,
                                             AttributeNames=['RedrivePolicy'])['Attributes']['RedrivePolicy'])
g.check_eq((policy['deadLetterTargetArn'], int(policy['maxReceiveCount'])), (dlq_arn, MAX_RECEIVE_COUNT),
           'RedrivePolicy read back')
sources = sqs.list_dead_letter_source_queues(QueueUrl=dlq_url).get('queueUrls', [])
g.check_eq(sources, [main_queue_url], 'list_dead_letter_source_queues of the DLQ')

# Use case 6's configure_dlq: set the redrive policy on an existing queue with set_queue_attributes
other_url = sqs.create_queue(QueueName=g.unique('main-queue-2'))['QueueUrl']


def configure_dlq(queue_url):
    """Configure Dead Letter Queue"""
    redrive_policy = {
        'deadLetterTargetArn': dlq_arn,
        'maxReceiveCount': 3  # Move to DLQ after 3 failed attempts
    }
    sqs.set_queue_attributes(
        QueueUrl=queue_url,
        Attributes={
            'RedrivePolicy': json.dumps(redrive_policy)
        }
    )


configure_dlq(other_url)
sources = sqs.list_dead_letter_source_queues(QueueUrl=dlq_url).get('queueUrls', [])
g.check_eq(sorted(sources), sorted([main_queue_url, other_url]), 'DLQ sources after configure_dlq')

sent = sqs.send_message(QueueUrl=main_queue_url, MessageBody=json.dumps({'order_id': 'poison'}))
receive_counts = []


def process_message(data):
    raise ValueError(f'cannot process {data}')


def process_with_dlq(timeout=15):
    """Process messages with DLQ handling -- ends once the main queue has nothing left, visible or in flight"""
    deadline = time.monotonic() + timeout
    while g.queue_counts(sqs, main_queue_url) != (0, 0, 0):
        g.check(time.monotonic() < deadline, f'message still in the main queue after {timeout} s; '
                                             f'receive counts so far {receive_counts}')
        response = sqs.receive_message(
            QueueUrl=main_queue_url,
            MaxNumberOfMessages=1,
            WaitTimeSeconds=1,
            AttributeNames=['ApproximateReceiveCount']
        )
        messages = response.get('Messages', [])
        if not messages:
            continue
        for message in messages:
            receive_counts.append(int(message['Attributes']['ApproximateReceiveCount']))
            try:
                data = json.loads(message['Body'])
                process_message(data)
                sqs.delete_message(
                    QueueUrl=main_queue_url,
                    ReceiptHandle=message['ReceiptHandle']
                )
            except Exception as e:
                print(f"Error processing message: {e}")
                # Message will be retried automatically
                # After maxReceiveCount, it will move to DLQ


process_with_dlq()
g.check_eq(receive_counts, list(range(1, MAX_RECEIVE_COUNT + 1)), 'receive counts seen in the main queue')

failed = []


def analyze_failed_message(failed_message):
    failed.append(failed_message)


def process_dlq(expected, timeout=10):
    """Process messages from Dead Letter Queue -- ends once `expected` were handled"""
    deadline = time.monotonic() + timeout
    while len(failed) < expected:
        g.check(time.monotonic() < deadline, f'{len(failed)} of {expected} messages found in the DLQ in {timeout} s')
        response = sqs.receive_message(
            QueueUrl=dlq_url,
            MaxNumberOfMessages=10,
            WaitTimeSeconds=20,
            AttributeNames=['All']
        )
        messages = response.get('Messages', [])
        if not messages:
            continue
        for message in messages:
            g.check_eq(message['MessageId'], sent['MessageId'], 'MessageId in the DLQ (kept from the main queue)')
            source = message['Attributes'].get('DeadLetterQueueSourceArn')
            g.check(source is not None and source.endswith(':' + main_name), f'DeadLetterQueueSourceArn {source}')
            # Analyze failed messages
            failed_message = json.loads(message['Body'])
            analyze_failed_message(failed_message)
            sqs.delete_message(
                QueueUrl=dlq_url,
                ReceiptHandle=message['ReceiptHandle']
            )


process_dlq(1)
g.check_eq(failed, [{'order_id': 'poison'}], 'messages analysed from the DLQ')
g.check_eq(g.queue_counts(sqs, dlq_url), (0, 0, 0), 'DLQ (visible, in flight, delayed) after processing')
g.ok(f'DLQ: after {MAX_RECEIVE_COUNT} failed receives the message moved to the DLQ and was processed there')
