"""
iac_notes.py -- my DOP-C02 notes on CloudFormation and Elastic Beanstalk.

Kept as a Python module so my editor folds the sections.
Everything important is in the docstrings and comments.
"""

# ---------------------------------------------------------------------------
# CLOUDFORMATION HELPER SCRIPTS
# ---------------------------------------------------------------------------
HELPERS = ["cfn-init", "cfn-signal", "cfn-hup", "cfn-get-metadata"]
# cfn-init       -> reads AWS::CloudFormation::Init metadata, installs packages, writes files, starts services
# cfn-signal     -> tells a CreationPolicy or WaitCondition that the instance is ready (or failed)
# cfn-hup        -> daemon that polls metadata for changes, default every 15 minutes, then runs hooks
# cfn-get-metadata -> just dumps the metadata block


def creation_policy():
    """
    CreationPolicy on an EC2 instance or Auto Scaling group:
      ResourceSignal.Count   = how many success signals to wait for
      ResourceSignal.Timeout = ISO 8601 duration, e.g. PT15M; maximum is 12 hours (PT12H)
    If the count isn't reached before the timeout -> resource CREATE_FAILED -> stack rolls back.
    Flow: UserData > cfn-init > cfn-signal > CloudFormation marks resource CREATE_COMPLETE
    """


def update_policy():
    """
    UpdatePolicy attributes for AWS::AutoScaling::AutoScalingGroup:
      - AutoScalingRollingUpdate  (MinInstancesInService, MaxBatchSize, PauseTime,
                                   WaitOnResourceSignals)
      - AutoScalingReplacingUpdate (WillReplace: true -> builds a whole new ASG,
                                   old one kept until new one succeeds)
      - AutoScalingScheduledAction (IgnoreUnmodifiedGroupSizeProperties)
    Replacing update = fastest rollback because the old group is still there.
    """


# DeletionPolicy values: Retain, Snapshot, Delete, RetainExceptOnCreate
# Snapshot only works on resources that support snapshots:
SNAPSHOT_CAPABLE = [
    "AWS::EC2::Volume",
    "AWS::RDS::DBInstance",
    "AWS::RDS::DBCluster",
    "AWS::Redshift::Cluster",
    "AWS::ElastiCache::CacheCluster",
    "AWS::Neptune::DBCluster",
    "AWS::DocDB::DBCluster",
]
# UpdateReplacePolicy = same values, but applies when an update REPLACES the resource.


def limits():
    """
    Template quotas I keep forgetting:
      resources per template ...... 500
      parameters .................. 200
      outputs ..................... 200
      mappings .................... 200
      template body inline ........ 51,200 bytes  (bigger -> upload to S3, max 1 MB)
    """


def cross_stack():
    """
    Outputs with Export.Name  ->  other stack uses Fn::ImportValue.
    You CANNOT delete a stack while another stack imports one of its exports,
    and you cannot change the exported value while it's imported.
    Export names must be unique per account per region.
    """


def dynamic_references():
    """
    {{resolve:ssm:/my/param}}                 -> plain SSM parameter (version optional)
    {{resolve:ssm-secure:/my/param:3}}        -> SecureString, only for supported properties
    {{resolve:secretsmanager:MySecret:SecretString:password}}
    CloudFormation never stores the resolved secret value in the template or stack events.
    """


def stacksets():
    """
    Two permission models:
      self-managed    -> you create AWSCloudFormationStackSetAdministrationRole (admin account)
                         and AWSCloudFormationStackSetExecutionRole (every target account)
      service-managed -> uses AWS Organizations trusted access; can auto-deploy to
                         accounts that later join the target OU
    Operation knobs: maximum concurrent accounts, failure tolerance, region order.
    """


def safety_nets():
    """
    - Change sets: preview what will be added / modified / replaced before executing.
    - Drift detection: compares live config to the template (only for supported resource types).
    - Stack policy: JSON that denies Update:Replace / Update:Delete on named resources.
      Once a stack policy is set you can't remove it, only update it.
    - Termination protection: blocks DeleteStack until turned off.
    - Custom resources: backed by a Lambda function or an SNS topic; the provider must
      PUT a response to the pre-signed S3 URL or the stack hangs until timeout (default 1 hour).
    """


# ---------------------------------------------------------------------------
# ELASTIC BEANSTALK
# ---------------------------------------------------------------------------
EB_DEPLOY_POLICIES = [
    "All at once",                      # downtime, fastest
    "Rolling",                          # reduced capacity during deploy
    "Rolling with additional batch",    # keeps full capacity, extra batch launched
    "Immutable",                        # new instances in a temporary ASG, easiest rollback
    "Traffic splitting",                # canary: % of traffic to new instances for an evaluation time
]
# Blue/green in Beanstalk is NOT a deployment policy: clone env, deploy, then
# "Swap environment URLs" (a CNAME swap, done by Route 53 DNS).


def ebextensions():
    """
    .ebextensions/ folder at the root of the source bundle, files ending in .config (YAML or JSON).
      commands            -> run BEFORE the application and web server are set up
      container_commands  -> run AFTER the app is extracted but BEFORE it is deployed;
                             leader_only: true runs it on a single instance (DB migrations)
    Amazon Linux 2 platform hooks: .platform/hooks/prebuild, predeploy, postdeploy
    """


def eb_gotchas():
    """
    - An RDS database created inside the Beanstalk environment is deleted with the environment.
      For production, create RDS separately and pass the endpoint as an env property.
    - Worker environment: reads an SQS queue via the sqsd daemon; periodic jobs go in cron.yaml.
    - Application version quota is 1000; use an application version lifecycle policy
      (by count or by age) to clean old versions.
    """
