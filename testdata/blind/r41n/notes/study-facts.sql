-- study-facts.sql : my DOP-C02 fact table (sqlite3 study.db < study-facts.sql)
-- query with: SELECT * FROM facts WHERE service LIKE '%StackSets%';

CREATE TABLE IF NOT EXISTS services (
    name      TEXT PRIMARY KEY,
    domain    TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS facts (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    service   TEXT NOT NULL REFERENCES services(name),
    feature   TEXT NOT NULL,
    value     TEXT,
    comment   TEXT
);

INSERT INTO services (name, domain) VALUES
    ('CloudFormation', 'SDLC / IaC'),
    ('CloudFormation StackSets', 'SDLC / IaC'),
    ('CloudWatch', 'Monitoring'),
    ('X-Ray', 'Monitoring'),
    ('Kinesis Data Streams', 'Monitoring / data');

-- ---------- CloudFormation StackSets ----------
INSERT INTO facts (service, feature, value, comment) VALUES
    ('CloudFormation StackSets', 'permission model', 'self-managed', 'you create AWSCloudFormationStackSetAdministrationRole (admin acct) + AWSCloudFormationStackSetExecutionRole (targets)'),
    ('CloudFormation StackSets', 'permission model', 'service-managed', 'uses AWS Organizations trusted access; roles are created for you'),
    ('CloudFormation StackSets', 'automatic deployment', 'service-managed only', 'new account added to a target OU gets the stack automatically'),
    ('CloudFormation StackSets', 'account removed from OU', 'delete or retain stacks', 'RetainStacksOnAccountRemoval setting'),
    ('CloudFormation StackSets', 'delegated administrator', 'member account', 'register from management account so ops team does not need mgmt account'),
    ('CloudFormation StackSets', 'operation preference', 'maximum concurrent accounts', 'number or percentage'),
    ('CloudFormation StackSets', 'operation preference', 'failure tolerance', 'failures per Region before the operation stops'),
    ('CloudFormation StackSets', 'operation preference', 'region concurrency', 'SEQUENTIAL (default) or PARALLEL'),
    ('CloudFormation StackSets', 'limitation', 'no management account stacks', 'service-managed StackSets do not deploy to the management account itself');

-- ---------- CloudFormation stack behaviour ----------
INSERT INTO facts (service, feature, value, comment) VALUES
    ('CloudFormation', 'DeletionPolicy', 'Delete | Retain | Snapshot', 'Snapshot only for RDS, EBS volumes, ElastiCache, Redshift, Neptune, DocumentDB'),
    ('CloudFormation', 'UpdateReplacePolicy', 'Delete | Retain | Snapshot', 'applies when an update replaces the resource'),
    ('CloudFormation', 'CreationPolicy', 'ResourceSignal Count + Timeout', 'e.g. Timeout PT15M; instance calls cfn-signal after cfn-init'),
    ('CloudFormation', 'helper script', 'cfn-init', 'reads AWS::CloudFormation::Init metadata: packages, files, services'),
    ('CloudFormation', 'helper script', 'cfn-signal', 'sends success/failure to CreationPolicy or WaitCondition'),
    ('CloudFormation', 'helper script', 'cfn-hup', 'daemon that detects metadata changes and re-runs hooks on update'),
    ('CloudFormation', 'rollback triggers', 'up to 5 CloudWatch alarms', 'monitoring time 0-180 minutes after the update'),
    ('CloudFormation', 'stack policy', 'JSON deny/allow on Update', 'protects resources during updates only, not deletes of the stack'),
    ('CloudFormation', 'drift detection', 'stack and StackSet level', 'reports MODIFIED / DELETED / IN_SYNC; it does not fix drift'),
    ('CloudFormation', 'custom resource', 'Lambda or SNS ServiceToken', 'must send response to the pre-signed S3 URL or stack hangs until timeout'),
    ('CloudFormation', 'change sets', 'preview of changes', 'shows Replacement True/False/Conditional before executing');

-- ---------- CloudWatch metrics ----------
INSERT INTO facts (service, feature, value, comment) VALUES
    ('CloudWatch', 'retention < 60 s datapoints', '3 hours', 'high-resolution custom metrics'),
    ('CloudWatch', 'retention 60 s datapoints', '15 days', NULL),
    ('CloudWatch', 'retention 5 min datapoints', '63 days', NULL),
    ('CloudWatch', 'retention 1 hour datapoints', '455 days', '= 15 months'),
    ('CloudWatch', 'EC2 basic monitoring', '5 minutes', 'detailed monitoring = 1 minute (paid)'),
    ('CloudWatch', 'not collected by default', 'memory, disk space used', 'install the CloudWatch agent for these'),
    ('CloudWatch', 'alarm actions', 'SNS, EC2 action, Auto Scaling, Systems Manager OpsItem', 'EC2 actions: stop, terminate, reboot, recover'),
    ('CloudWatch', 'metric streams', 'Firehose', 'near real-time export to S3 or third-party (Datadog, Splunk...)'),
    ('CloudWatch', 'Synthetics canaries', 'Node.js or Python scripts', 'monitor endpoints/APIs on a schedule');

-- ---------- X-Ray ----------
INSERT INTO facts (service, feature, value, comment) VALUES
    ('X-Ray', 'daemon port', 'UDP 2000', 'SDK sends segments to the daemon, daemon batches to the API'),
    ('X-Ray', 'default sampling', '1 request/s reservoir + 5%', 'first request each second, then 5 percent of the rest'),
    ('X-Ray', 'annotations', 'indexed key-values', 'usable in filter expressions'),
    ('X-Ray', 'metadata', 'not indexed', 'cannot search on it'),
    ('X-Ray', 'on ECS', 'sidecar container', 'run the daemon image next to the app container'),
    ('X-Ray', 'on Lambda', 'active tracing', 'no daemon to manage'),
    ('X-Ray', 'on Elastic Beanstalk', 'XRayEnabled option', 'set in .ebextensions'),
    ('X-Ray', 'IAM managed policy', 'AWSXRayDaemonWriteAccess', 'attach to the instance profile / task role'),
    ('X-Ray', 'trace retention', '30 days', NULL);

-- ---------- Kinesis Data Streams ----------
INSERT INTO facts (service, feature, value, comment) VALUES
    ('Kinesis Data Streams', 'shard write', '1 MB/s or 1,000 records/s', 'ProvisionedThroughputExceeded when exceeded'),
    ('Kinesis Data Streams', 'shard read', '2 MB/s shared', 'enhanced fan-out = 2 MB/s per consumer per shard'),
    ('Kinesis Data Streams', 'retention', '24 hours default, up to 365 days', NULL),
    ('Kinesis Data Streams', 'capacity modes', 'provisioned | on-demand', 'on-demand scales shards automatically');
