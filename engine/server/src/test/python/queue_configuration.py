"""Guide: Deployment Step 3 "Create SQS Queue" (create_standard_queue, create_fifo_queue) and Step 4
"Configure Queue Attributes" (configure_queue: VisibilityTimeout, MessageRetentionPeriod,
ReceiveMessageWaitTimeSeconds, MaximumMessageSize, DelaySeconds), plus get_queue_url and list_queues."""
import guide_common as g

sqs = g.client()


def create_standard_queue(queue_name):
    response = sqs.create_queue(
        QueueName=queue_name,
        Attributes={
            'VisibilityTimeout': '30',
            'MessageRetentionPeriod': '345600',  # 4 days
            'ReceiveMessageWaitTimeSeconds': '20'  # Long polling
        }
    )
    return response['QueueUrl']


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


def configure_queue(queue_url):
    """Configure queue attributes"""
    sqs.set_queue_attributes(
        QueueUrl=queue_url,
        Attributes={
            'VisibilityTimeout': '60',
            'MessageRetentionPeriod': '1209600',  # 14 days
            'ReceiveMessageWaitTimeSeconds': '20',  # Long polling
            'MaximumMessageSize': '262144',  # 256 KB
            'DelaySeconds': '0'
        }
    )


def attributes(url, *names):
    return sqs.get_queue_attributes(QueueUrl=url, AttributeNames=list(names))['Attributes']


name = g.unique('my-queue')
queue_url = create_standard_queue(name)
g.check(queue_url.startswith(g.endpoint().rstrip('/') + '/') and queue_url.endswith('/' + name),
        f'queue URL {queue_url} is on the endpoint and ends with the name')
g.check_eq(sqs.get_queue_url(QueueName=name)['QueueUrl'], queue_url, 'get_queue_url')
g.check_eq(attributes(queue_url, 'VisibilityTimeout', 'MessageRetentionPeriod', 'ReceiveMessageWaitTimeSeconds'),
           {'VisibilityTimeout': '30', 'MessageRetentionPeriod': '345600', 'ReceiveMessageWaitTimeSeconds': '20'},
           'standard queue attributes after create')
# create_queue again with the same attributes is idempotent and returns the same URL
g.check_eq(create_standard_queue(name), queue_url, 'create_queue repeated with the same attributes')

configure_queue(queue_url)
g.check_eq(attributes(queue_url, 'VisibilityTimeout', 'MessageRetentionPeriod', 'ReceiveMessageWaitTimeSeconds',
                      'MaximumMessageSize', 'DelaySeconds'),
           {'VisibilityTimeout': '60', 'MessageRetentionPeriod': '1209600', 'ReceiveMessageWaitTimeSeconds': '20',
            'MaximumMessageSize': '262144', 'DelaySeconds': '0'}, 'attributes after configure_queue')

# Key Concepts: "Messages can contain up to 256 KB of text data" -- MaximumMessageSize 262144 as configured
sqs.send_message(QueueUrl=queue_url, MessageBody='x' * 262144)
try:
    sqs.send_message(QueueUrl=queue_url, MessageBody='x' * 262145)
    g.fail('a message one byte over MaximumMessageSize=262144 was accepted')
except sqs.exceptions.ClientError as e:
    g.check_eq(g.error_code(e), 'InvalidParameterValue', 'error code for a message over MaximumMessageSize')
received = sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=1)['Messages']
g.check_eq(len(received[0]['Body']), 262144, 'length of the 256 KB body received')
sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=received[0]['ReceiptHandle'])

# ... and with different attributes it is refused
try:
    sqs.create_queue(QueueName=name, Attributes={'VisibilityTimeout': '5'})
    g.fail('create_queue of an existing name with different attributes succeeded')
except sqs.exceptions.ClientError as e:
    g.check_eq(g.error_code(e), 'QueueAlreadyExists', 'error code for different attributes')

fifo_base = g.unique('my-queue')
fifo_url = create_fifo_queue(fifo_base)
g.check(fifo_url.endswith(f'/{fifo_base}.fifo'), f'FIFO queue URL {fifo_url}')
g.check_eq(attributes(fifo_url, 'FifoQueue', 'ContentBasedDeduplication', 'VisibilityTimeout',
                      'MessageRetentionPeriod'),
           {'FifoQueue': 'true', 'ContentBasedDeduplication': 'true', 'VisibilityTimeout': '30',
            'MessageRetentionPeriod': '345600'}, 'FIFO queue attributes')

# A FIFO queue's name must end with .fifo
try:
    sqs.create_queue(QueueName=g.unique('not-fifo'), Attributes={'FifoQueue': 'true'})
    g.fail('FifoQueue=true on a name without .fifo succeeded')
except sqs.exceptions.ClientError as e:
    g.check_eq(g.error_code(e), 'InvalidParameterValue', 'error code for FifoQueue without .fifo')

listed = sqs.list_queues().get('QueueUrls', [])
g.check(queue_url in listed and fifo_url in listed, f'list_queues {listed} lacks {queue_url} or {fifo_url}')
prefixed = sqs.list_queues(QueueNamePrefix=name).get('QueueUrls', [])
g.check_eq(prefixed, [queue_url], f'list_queues(QueueNamePrefix={name!r})')

try:
    sqs.get_queue_url(QueueName=g.unique('missing'))
    g.fail('get_queue_url of a missing queue succeeded')
except sqs.exceptions.QueueDoesNotExist as e:
    g.check_eq(g.error_code(e), 'AWS.SimpleQueueService.NonExistentQueue', 'missing queue error code')

g.ok('configuration: standard and FIFO queues created, configured and listed as in Steps 3-4')
