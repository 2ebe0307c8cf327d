"""Guide: Best Practices 7 "Monitor Queue Metrics" and Troubleshooting ("monitor queue metrics", "monitor
and optimize queue depth"). The guide reads ApproximateNumberOfMessagesVisible from CloudWatch; against
Sluice the same numbers come from get_queue_attributes (ApproximateNumberOfMessages, ...NotVisible,
...Delayed), and as Prometheus gauges on the endpoint's /metrics."""
import urllib.request

import guide_common as g

sqs = g.client()
queue_url = sqs.create_queue(QueueName=g.unique('metrics-queue'))['QueueUrl']


def get_queue_metrics(queue_url):
    """Get queue metrics"""
    queue_name = queue_url.split('/')[-1]
    response = sqs.get_queue_attributes(
        QueueUrl=queue_url,
        AttributeNames=['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible',
                        'ApproximateNumberOfMessagesDelayed']
    )
    return queue_name, {k: int(v) for k, v in response['Attributes'].items()}


name, metrics = get_queue_metrics(queue_url)
g.check_eq(metrics, {'ApproximateNumberOfMessages': 0, 'ApproximateNumberOfMessagesNotVisible': 0,
                     'ApproximateNumberOfMessagesDelayed': 0}, 'metrics of a new queue')

sqs.send_message_batch(QueueUrl=queue_url, Entries=[{'Id': str(i), 'MessageBody': f'm{i}'} for i in range(4)])
sqs.send_message(QueueUrl=queue_url, MessageBody='later', DelaySeconds=60)
taken = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=1, VisibilityTimeout=60)['Messages']
g.check_eq(len(taken), 1, 'messages taken in flight')

name, metrics = get_queue_metrics(queue_url)
g.check_eq(name, queue_url.split('/')[-1], 'queue name from the URL')
g.check_eq(metrics, {'ApproximateNumberOfMessages': 3, 'ApproximateNumberOfMessagesNotVisible': 1,
                     'ApproximateNumberOfMessagesDelayed': 1}, 'metrics: 3 visible, 1 in flight, 1 delayed')

# 'All' returns the depth attributes along with the configuration
everything = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=['All'])['Attributes']
for key in ('ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible',
            'ApproximateNumberOfMessagesDelayed', 'QueueArn', 'CreatedTimestamp', 'LastModifiedTimestamp',
            'VisibilityTimeout', 'MessageRetentionPeriod', 'DelaySeconds', 'ReceiveMessageWaitTimeSeconds',
            'MaximumMessageSize'):
    g.check(key in everything, f'get_queue_attributes All lacks {key}: {sorted(everything)}')
g.check_eq(everything['ApproximateNumberOfMessages'], '3', 'ApproximateNumberOfMessages in All')

# Sluice's stand-in for the CloudWatch metric: the same depths as Prometheus gauges
text = urllib.request.urlopen(g.endpoint().rstrip('/') + '/metrics', timeout=10).read().decode('utf-8')
for gauge, value in (('sluice_queue_messages_visible', 3), ('sluice_queue_messages_not_visible', 1),
                     ('sluice_queue_messages_delayed', 1)):
    line = f'{gauge}{{queue="{name}"}} {value}'
    g.check(line in text.splitlines(), f'/metrics lacks the line {line!r}')

sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=taken[0]['ReceiptHandle'])
g.check_eq(get_queue_metrics(queue_url)[1]['ApproximateNumberOfMessagesNotVisible'], 0, 'in flight after delete')
g.ok('metrics: queue depth (visible / in flight / delayed) from get_queue_attributes and /metrics')
