# my DOP-C02 scenarios, written like BDD tests so I remember "given the setup, when X, then the answer"
# tags are for my flashcard script

@eventbridge
Feature: Reacting to events with Amazon EventBridge (formerly CloudWatch Events)

  Scenario: Notify the team when an EC2 instance stops
    Given an EventBridge rule on the default event bus
    And the event pattern matches source "aws.ec2" and detail-type "EC2 Instance State-change Notification"
    When an instance moves to state "stopped"
    Then the rule sends the event to an SNS topic target
    And the topic emails the on-call team

  Scenario: Make the alert readable
    Given the raw event JSON is ugly in an email
    When I configure an input transformer on the target
    Then only the fields I map (instance-id, state) appear in the message

  Scenario: Run a cleanup job every night
    Given I need a cron-like schedule
    When I create a scheduled rule with a cron() or rate() expression
    Then EventBridge invokes the Lambda function on schedule
    And for large numbers of one-off schedules I should prefer EventBridge Scheduler

  Scenario: One rule, many targets
    Given a single rule
    Then it can have up to 5 targets
    And each target gets its own retry policy and optional dead-letter queue

  Scenario: Target keeps failing
    Given the Lambda target is throttled
    When EventBridge retries with the default retry policy
    Then it keeps retrying for up to 24 hours and up to 185 attempts
    And after that the event goes to the SQS dead-letter queue if one is configured

  Scenario: Central security account receives events from member accounts
    Given a custom event bus in the security account
    And a resource-based policy on that event bus allowing the member accounts (or the whole Organization)
    When a member account rule targets the security account's event bus ARN
    Then events flow cross-account into the central bus
    And rules on the central bus route them to Lambda, SNS or Step Functions

  Scenario: Exposed access key detected by AWS Health
    Given AWS Health emits event AWS_RISK_CREDENTIALS_EXPOSED
    When an EventBridge rule matches source "aws.health"
    Then a Step Functions state machine deletes the key, summarizes CloudTrail activity and notifies via SNS

@sns
Feature: Amazon SNS notifications and fan-out

  Scenario: Fan-out one order event to several consumers
    Given one SNS topic
    When several SQS queues subscribe to the topic
    Then every queue gets its own copy of each message (fan-out)
    And the SQS queue access policy must allow the topic to send messages

  Scenario: Only some subscribers want some messages
    Given subscribers care about different order types
    When I attach a subscription filter policy (on message attributes or message body)
    Then each subscriber only receives the matching messages

  Scenario: Strict ordering is required
    Given an SNS FIFO topic
    Then only Amazon SQS queues can subscribe (no Lambda, email or HTTP endpoints)
    And I subscribe SQS FIFO queues so the ordering and deduplication survive end to end
    And ordering is per message group ID

  Scenario: Which protocols can subscribe
    Then supported subscription protocols are HTTP/HTTPS, Email/Email-JSON, Amazon SQS, AWS Lambda, SMS, mobile push and Amazon Kinesis Data Firehose

@autoscaling
Feature: EC2 Auto Scaling behaviour

  Scenario: Copy logs off an instance before it is terminated
    Given an Auto Scaling group with a lifecycle hook on autoscaling:EC2_INSTANCE_TERMINATING
    When scale-in selects an instance
    Then the instance enters Terminating:Wait
    And a script or SSM Run Command copies the logs to S3
    And the script calls complete-lifecycle-action to move on to Terminating:Proceed
    But if nobody answers, the heartbeat timeout (default 3600 seconds = 1 hour) expires and the default result (CONTINUE or ABANDON) applies

  Scenario: Bootstrap software before the instance takes traffic
    Given a launch lifecycle hook
    Then a new instance waits in Pending:Wait until configuration finishes

  Scenario: New instances fail health checks while still booting
    Given the ASG uses ELB health checks
    When the app needs 4 minutes to start
    Then I raise the health check grace period (default 300 seconds)

  Scenario: Pick a scaling policy
    Then the policy types are target tracking, step scaling, simple scaling, scheduled scaling and predictive scaling
    And target tracking on ASGAverageCPUUtilization = 50 is the "keep it at X" answer

  Scenario: Roll a new AMI through the group
    Given the launch template has a new version
    When I start an instance refresh
    Then instances are replaced while keeping the minimum healthy percentage
    And checkpoints can pause the refresh for validation

  Scenario: Which instance dies first on scale-in (default termination policy)
    Given instances spread across Availability Zones
    Then the AZ with the most instances is chosen first
    And then the instance with the oldest launch template or launch configuration
    And then the instance closest to the next billing hour

  Scenario: Scale-out is too slow because the app boots slowly
    When I add a warm pool of pre-initialized stopped instances
    Then scale-out latency drops

@dr
Feature: Disaster recovery strategies (cheapest/slowest to priciest/fastest)

  Scenario Outline: Choose a DR strategy
    Given the business needs an RPO/RTO of "<target>"
    Then the strategy is "<strategy>"

    Examples:
      | target                 | strategy                  |
      | hours, lowest cost     | Backup and restore        |
      | tens of minutes        | Pilot light               |
      | minutes                | Warm standby              |
      | near zero, real time   | Multi-site active/active  |

  Scenario: Pilot light vs warm standby
    Given pilot light keeps only the core (data replicated, e.g. a DB read replica) running, app servers off
    And warm standby runs a scaled-down but fully working copy of the whole stack
    Then warm standby can take traffic immediately, pilot light has to start and scale servers first

  Scenario: Relational DB must fail over to another Region fast
    Given Amazon Aurora Global Database with up to 5 secondary Regions
    Then replication lag (RPO) is typically about 1 second
    And promoting a secondary Region gives an RTO under 1 minute

  Scenario: DNS failover to the DR Region
    Given Route 53 failover routing with a health check on the primary record
    When the health check fails
    Then Route 53 answers with the secondary (DR) record

  Scenario: Multi-Region NoSQL
    Given DynamoDB global tables
    Then every replica Region is read/write (multi-active)
