;;; deploy_kb.lisp --- my DevOps Pro knowledge base, one fact per form
;;; Domain 2 (Config Mgmt & IaC) + deployment strategies for Beanstalk / ECS / Lambda
;;; Convention: (topic :key value) ; free-text comments after the semicolons

(cloudformation
  (template-sections
    :optional (AWSTemplateFormatVersion Description Metadata Parameters Rules
               Mappings Conditions Transform Outputs)
    :required (Resources))            ; Resources is the only mandatory section

  (helper-scripts
    (cfn-init         "reads AWS::CloudFormation::Init metadata, installs packages/files/services")
    (cfn-signal       "tells a CreationPolicy or WaitCondition the instance is ready")
    (cfn-hup          "daemon, detects metadata changes and re-runs actions; checks every 15 minutes by default")
    (cfn-get-metadata "dumps metadata for a resource"))

  (creation-policy :signal-count 1 :timeout "PT15M")  ; ISO 8601 duration
  (wait-condition  :use-for "resources outside the stack / external work")

  (deletion-policy
    :values (Delete Retain Snapshot)
    :default Delete
    :snapshot-supported (AWS::EC2::Volume AWS::RDS::DBInstance AWS::RDS::DBCluster
                         AWS::ElastiCache::CacheCluster AWS::Redshift::Cluster))
  (update-replace-policy :values (Delete Retain Snapshot))  ; applies when an update REPLACES a resource

  (stack-policy
    :note "once set, every resource is protected; add explicit Allow statements"
    :note "a stack policy cannot be removed, only replaced"
    :override "temporary policy passed during a single update")

  (autoscaling-update-policy
    (AutoScalingRollingUpdate   :knobs (MinInstancesInService MaxBatchSize PauseTime WaitOnResourceSignals))
    (AutoScalingReplacingUpdate :knobs (WillReplace))   ; new ASG, old one deleted after success
    (AutoScalingScheduledAction :knobs (IgnoreUnmodifiedGroupSizeProperties)))

  (dynamic-references
    "{{resolve:ssm:name:version}}"
    "{{resolve:ssm-secure:name:version}}"      ; only for supported resource props
    "{{resolve:secretsmanager:secret-id:SecretString:key}}")

  (cross-stack
    (exports "Outputs -> Export -> Name; names unique per account per region")
    (import  "Fn::ImportValue")
    (gotcha  "cannot delete a stack while another stack imports its export"))
  (nested-stacks "AWS::CloudFormation::Stack with TemplateURL; reuse components, updated through the root stack")

  (custom-resources
    :backed-by (Lambda SNS)
    :response "PUT JSON to the pre-signed S3 URL; otherwise stack hangs until 1 hour timeout")

  (stacksets
    :permission-models (self-managed service-managed)
    :self-managed-roles (AWSCloudFormationStackSetAdministrationRole
                         AWSCloudFormationStackSetExecutionRole)
    :service-managed "uses AWS Organizations, can auto-deploy to new accounts in target OUs"
    :knobs (MaxConcurrentAccounts FailureToleranceCount RegionConcurrencyType))

  (safety
    (change-sets            "preview changes before executing")
    (drift-detection        "compares live config to template; does not fix drift")
    (termination-protection "blocks DeleteStack; nested stacks inherit from root")
    (rollback-triggers      :max 5 :source "CloudWatch alarms" :monitoring-minutes (0 180)))

  (failed-states
    (UPDATE_ROLLBACK_FAILED "fix the cause, then ContinueUpdateRollback, optionally skipping resources"))

  (limits
    (:resources-per-stack 500)
    (:parameters 200) (:outputs 200) (:mappings 200)
    (:template-body-direct "51,200 bytes")
    (:template-via-s3-url "1 MB")))

(elastic-beanstalk
  (environment-tiers (web-server worker))  ; worker pulls from an SQS queue; cron.yaml for periodic tasks
  (deployment-policies
    (all-at-once                   :downtime t   :extra-cost nil :rollback "manual redeploy")
    (rolling                       :downtime nil :capacity "reduced by batch size")
    (rolling-with-additional-batch :downtime nil :capacity "full capacity kept")
    (immutable                     :downtime nil :notes "new temporary ASG; quickest rollback, terminate new ASG")
    (traffic-splitting             :downtime nil :notes "canary: % of traffic to new instances for an evaluation time"))
  (blue-green
    :how "clone environment, deploy, then Swap Environment URLs (CNAME swap)"
    :note "not a built-in deployment policy; DNS caching delays cutover")
  (ebextensions
    :location ".ebextensions/*.config at root of source bundle"
    :format (YAML JSON)
    :keys (option_settings packages sources files users groups commands container_commands Resources))
  (commands-vs-container-commands
    (commands           "run BEFORE the application is extracted")
    (container_commands "run AFTER extraction, before deploy; leader_only runs on one instance"))
  (platform-hooks ".platform/hooks/prebuild predeploy postdeploy on Amazon Linux 2 platforms")
  (rds-gotcha "DB created inside the environment is deleted with it -> create RDS separately for prod")
  (app-versions :quota 1000 :cleanup "application version lifecycle policy by count or by age")
  (managed-platform-updates :window "weekly maintenance window; minor and patch versions"))

(ecs
  (launch-types (EC2 Fargate))
  (iam
    (task-role           "permissions for the app code inside containers")
    (task-execution-role "lets the ECS agent pull from ECR and write to CloudWatch Logs"))
  (logging :driver awslogs)
  (deployment-controllers (ECS CODE_DEPLOY EXTERNAL))
  (rolling-update :knobs (minimumHealthyPercent maximumPercent)
                  :safety "deployment circuit breaker with rollback")
  (blue-green-via-codedeploy
    :needs ("ALB or NLB" "two target groups" "production listener" "optional test listener")))

(lambda
  (versions "immutable snapshot of code + config; $LATEST is the only mutable one")
  (aliases  "pointer to a version; weighted alias routes traffic between two versions")
  (sam-safe-deployments
    :properties (AutoPublishAlias DeploymentPreference)
    :types (Canary10Percent5Minutes Linear10PercentEvery1Minute AllAtOnce)
    :hooks (PreTraffic PostTraffic)
    :rollback "CloudWatch Alarms listed in DeploymentPreference")
  (limits
    (:timeout "900 seconds (15 minutes)")
    (:memory "128 MB - 10,240 MB")
    (:zip-direct-upload "50 MB") (:unzipped "250 MB")
    (:container-image "10 GB")
    (:ephemeral-tmp "512 MB - 10,240 MB")
    (:env-vars "4 KB total")
    (:concurrency "1,000 per region default (soft)")))

;;; end of deploy_kb.lisp
