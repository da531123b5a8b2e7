#!/usr/bin/env bash
# DOP-C02 revision: Lambda, ECS, DynamoDB, Kinesis -- the commands I keep forgetting.
# Not meant to be run top to bottom; copy the bit you need.
set -euo pipefail
REGION=eu-west-1
FN=orders-api

# ---------------------------------------------------------------- Lambda
# Versions are immutable snapshots of code + config; $LATEST is the only mutable one.
aws lambda publish-version --function-name "$FN" --description "build 42"
# An alias points at one version, or splits traffic across TWO versions with weights.
# Here alias live = 90% v1, 10% v2 (manual canary without CodeDeploy).
aws lambda update-alias --function-name "$FN" --name live --function-version 1 \
  --routing-config 'AdditionalVersionWeights={"2"=0.1}'
# Limits to remember: timeout max 900 s (15 min); memory 128 MB - 10,240 MB;
# /tmp ephemeral storage 512 MB - 10,240 MB; env vars 4 KB total; up to 5 layers.
# Package: 50 MB zipped direct upload, 250 MB unzipped; container image up to 10 GB.
aws lambda update-function-configuration --function-name "$FN" --timeout 900 --memory-size 2048
# Concurrency: default 1,000 concurrent executions per account per Region (soft limit).
# Reserved concurrency = guarantees AND caps a function; setting it to 0 throttles it completely.
aws lambda put-function-concurrency --function-name "$FN" --reserved-concurrent-executions 100
# Provisioned concurrency = pre-initialised environments to kill cold starts; set on alias or version, NOT on $LATEST.
aws lambda put-provisioned-concurrency-config --function-name "$FN" --qualifier live \
  --provisioned-concurrent-executions 20
# Async invokes: Lambda retries failed events 2 more times (configurable 0-2), max event age up to 6 hours.
# On-failure / on-success destinations: SQS queue, SNS topic, Lambda function, EventBridge bus.
# A dead-letter queue (older feature) only supports SQS or SNS and only captures failures.
aws lambda put-function-event-invoke-config --function-name "$FN" --maximum-retry-attempts 1 \
  --destination-config '{"OnFailure":{"Destination":"arn:aws:sqs:eu-west-1:111122223333:orders-failed"}}'
# SAM safe deploys: AutoPublishAlias + DeploymentPreference (Type: Canary10Percent5Minutes,
# Alarms, Hooks PreTraffic / PostTraffic) -> SAM generates a CodeDeploy app + deployment group.
sam deploy --guided

# ---------------------------------------------------------------- ECS
# Launch types: EC2, Fargate, External (ECS Anywhere on your own servers).
# Task execution role = what the ECS agent uses (pull from ECR, write awslogs, read secrets).
# Task role = what your application code inside the container uses to call AWS APIs.
aws ecs register-task-definition --cli-input-json file://taskdef.json
# Deployment controllers: ECS (rolling update), CODE_DEPLOY (blue/green), EXTERNAL.
# Rolling update speed is set by minimumHealthyPercent and maximumPercent (defaults 100 / 200).
# Deployment circuit breaker with rollback: failed tasks -> deployment marked FAILED -> rolls back to last COMPLETED deployment.
aws ecs update-service --cluster prod --service web --task-definition web:17 \
  --deployment-configuration 'minimumHealthyPercent=50,maximumPercent=200,deploymentCircuitBreaker={enable=true,rollback=true}'
# Service Auto Scaling (Application Auto Scaling): target tracking, step scaling, scheduled scaling.
aws application-autoscaling register-scalable-target --service-namespace ecs \
  --resource-id service/prod/web --scalable-dimension ecs:service:DesiredCount --min-capacity 2 --max-capacity 20
# Container logs: awslogs log driver -> CloudWatch Logs (or FireLens for Firehose/other targets).
# ECS Exec = shell into a running container; it rides on SSM Session Manager (task role needs ssmmessages permissions).
aws ecs execute-command --cluster prod --task "$TASK_ID" --container web --interactive --command "/bin/sh"
# ECR scanning: basic scanning (on push / manual) or enhanced scanning (continuous, via Amazon Inspector).
# ECR lifecycle policy expires old images, e.g. keep last 30 tagged images.
aws ecr put-image-scanning-configuration --repository-name web --image-scanning-configuration scanOnPush=true

# ---------------------------------------------------------------- DynamoDB
# Streams view types: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES. Records retained 24 hours.
aws dynamodb update-table --table-name Orders \
  --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES
# Stream -> Lambda event source mapping (Lambda polls the stream shards; batch size, bisect on error, on-failure destination).
aws lambda create-event-source-mapping --function-name audit-writer \
  --event-source-arn "$STREAM_ARN" --starting-position LATEST --bisect-batch-response-on-function-error
# Global tables: multi-Region, multi-active replicas; replication needs streams (NEW_AND_OLD_IMAGES); last writer wins.
aws dynamodb update-table --table-name Orders --replica-updates 'Create={RegionName=us-east-1}'
# Point-in-time recovery: restore to any second in the last 35 days; restore always creates a NEW table.
aws dynamodb update-continuous-backups --table-name Orders \
  --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true
# On-demand backups are kept until you delete them (can also be managed by AWS Backup).
aws dynamodb create-backup --table-name Orders --backup-name orders-pre-migration
# TTL: attribute with epoch seconds; expired items deleted in the background (usually within a few days), no WCU cost.
aws dynamodb update-time-to-live --table-name Orders --time-to-live-specification Enabled=true,AttributeName=expires_at
# Max item size 400 KB. Capacity modes: on-demand and provisioned (with auto scaling).
# DAX = in-memory cache in front of DynamoDB for microsecond reads (not for strongly consistent reads).

# ---------------------------------------------------------------- Kinesis
# Data Streams shard (provisioned mode): writes 1 MB/s or 1,000 records/s; reads 2 MB/s shared by all classic consumers.
# Too much traffic on a shard -> ProvisionedThroughputExceededException: retry with backoff, better partition key, or split shards.
aws kinesis create-stream --stream-name clicks --shard-count 4
aws kinesis update-shard-count --stream-name clicks --target-shard-count 8 --scaling-type UNIFORM_SCALING
# Capacity modes: provisioned and on-demand.
# Retention: default 24 hours, can be raised up to 365 days.
aws kinesis increase-stream-retention-period --stream-name clicks --retention-period-hours 168
# Enhanced fan-out: each registered consumer gets its own 2 MB/s per shard (push over HTTP/2, SubscribeToShard).
aws kinesis register-stream-consumer --stream-arn "$KDS_ARN" --consumer-name analytics
# Firehose (Amazon Data Firehose) = near real-time delivery, no shards to manage.
# Destinations: Amazon S3, Amazon Redshift, Amazon OpenSearch Service, Splunk, HTTP endpoint (plus partners).
# Redshift delivery path: Firehose > S3 bucket (staging) > Redshift COPY command.
# Buffering by size (MB) and interval (seconds), whichever hits first; optional Lambda transform; failed records to an S3 backup prefix.
aws firehose create-delivery-stream --delivery-stream-name clicks-to-s3 \
  --delivery-stream-type KinesisStreamAsSource \
  --kinesis-stream-source-configuration KinesisStreamARN="$KDS_ARN",RoleARN="$FH_ROLE" \
  --extended-s3-destination-configuration file://s3dest.json
# Full click pipeline: producers > Kinesis Data Streams > Firehose > S3 > Athena.
