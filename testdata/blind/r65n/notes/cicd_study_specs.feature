# language: en
# DOP-C02 study "specs" -- I learn better when I write the facts as BDD scenarios.
# If a Then step is wrong, the exam fails me, not cucumber lol.
# src: AWS docs + Stephane's course + practice exams. last edit: sun night

@codedeploy @ec2
Feature: CodeDeploy in-place deployments on EC2 / on-prem
  As a DevOps engineer studying for the pro exam
  I want to remember the lifecycle hooks and deployment configs
  So that I stop mixing up BeforeInstall and ApplicationStop

  Background:
    Given the CodeDeploy agent is installed and running on every instance
    And the revision has an appspec.yml at the root of the bundle
    And the appspec for EC2 has "files", "permissions" and "hooks" sections

  Scenario: hook order for an in-place deployment WITHOUT a load balancer
    When a deployment starts
    Then the lifecycle events run in this order:
      | step | event            | can I run a script? |
      | 1    | ApplicationStop  | yes                 |
      | 2    | DownloadBundle   | no (agent only)     |
      | 3    | BeforeInstall    | yes                 |
      | 4    | Install          | no (agent only)     |
      | 5    | AfterInstall     | yes                 |
      | 6    | ApplicationStart | yes                 |
      | 7    | ValidateService  | yes                 |
    # mnemonic: "Stop, Download, Before, Install, After, Start, Validate"

  Scenario: extra hooks when the deployment group has a load balancer (ELB/ALB)
    When instances are deregistered before the install
    Then BeforeBlockTraffic, BlockTraffic, AfterBlockTraffic run first
    When instances are registered again after ValidateService
    Then BeforeAllowTraffic, AllowTraffic, AfterAllowTraffic run last
    And BlockTraffic and AllowTraffic cannot have scripts

  Scenario: ApplicationStop keeps failing after a bad script got deployed
    Given ApplicationStop runs the script from the LAST SUCCESSFUL revision
    When that old script is broken
    Then redeploy with --ignore-application-stop-failures
    # or console checkbox "Don't fail the deployment if ApplicationStop fails"

  Scenario Outline: built-in EC2 deployment configurations
    When I choose "<config>"
    Then "<behaviour>"

    Examples:
      | config                      | behaviour                                     |
      | CodeDeployDefault.AllAtOnce | deploy to as many instances as possible at once |
      | CodeDeployDefault.HalfAtATime | up to half the instances at a time          |
      | CodeDeployDefault.OneAtATime  | one instance at a time, slowest, safest     |
    # custom config = set minimum healthy hosts (count or percent)

  Scenario: automatic rollback
    Given automatic rollback is enabled on the deployment group
    When the deployment fails OR a CloudWatch alarm I attached goes into ALARM
    Then CodeDeploy redeploys the last known good revision
    And the rollback is a NEW deployment with a new deployment ID  # not a "restore"

  Scenario: on-premises servers
    Given a server in my own data centre
    When I register it with register-on-premises-instance
    Then it authenticates with an IAM user (access keys) or an IAM role via STS
    And I target it with on-premises instance tags
    But blue/green is NOT available for on-prem, only in-place

  Scenario: blue/green on EC2
    Given the deployment group uses blue/green
    Then the green fleet comes from copying the Auto Scaling group OR manually tagged instances
    And a load balancer is required to reroute traffic
    And the blue instances can be terminated after a wait time I choose

@codedeploy @lambda @ecs
Feature: CodeDeploy for Lambda and ECS (traffic shifting)

  Scenario Outline: traffic shifting configs
    Given compute platform "<platform>"
    Then I can pick "<config>"

    Examples:
      | platform | config                                          |
      | Lambda   | CodeDeployDefault.LambdaCanary10Percent5Minutes |
      | Lambda   | CodeDeployDefault.LambdaLinear10PercentEvery1Minute |
      | Lambda   | CodeDeployDefault.LambdaAllAtOnce               |
      | ECS      | CodeDeployDefault.ECSCanary10Percent5Minutes    |
      | ECS      | CodeDeployDefault.ECSLinear10PercentEvery1Minutes |
      | ECS      | CodeDeployDefault.ECSAllAtOnce                  |
    # canary = 2 steps (10% then the rest), linear = equal steps every N min

  Scenario: Lambda hooks
    Then the only hooks are BeforeAllowTraffic and AfterAllowTraffic
    And each hook is itself a Lambda function that calls PutLifecycleEventHookExecutionStatus
    And traffic shifts between two versions via a Lambda alias

  Scenario: ECS blue/green hooks
    Then the hooks are BeforeInstall, AfterInstall, AfterAllowTestTraffic, BeforeAllowTraffic, AfterAllowTraffic
    And the ALB needs a production listener plus an optional test listener
    And the replacement task set is called "green"

@codebuild
Feature: CodeBuild

  Background:
    Given the build spec file is buildspec.yml in the source root (can override the name/path)

  Scenario: buildspec phases in order
    Then the phases run: install -> pre_build -> build -> post_build
    And the "artifacts" section says what gets uploaded to S3
    And "reports" can publish test reports (JUnit etc.)

  Scenario: secrets in builds
    When I need a DB password in the build
    Then use env -> parameter-store or env -> secrets-manager in the buildspec
    And NEVER plaintext env vars in the project (they show in the console)

  Scenario: speed up builds
    Then enable caching: S3 cache or local cache (source / docker layer / custom)

  Scenario: build needs to reach a private RDS
    Then configure the CodeBuild project with VPC config (VPC, subnets, security groups)
    # private subnets + NAT gateway if it also needs the internet

  Scenario: debugging builds on my laptop
    Then run the CodeBuild local agent (docker image)

@codepipeline
Feature: CodePipeline

  Scenario: detecting source changes
    Given the source is CodeCommit
    Then the recommended trigger is an EventBridge rule (not periodic polling)
    Given the source is GitHub
    Then use a CodeStar Connections connection (now AWS CodeConnections) / GitHub App
    Given the source is S3
    Then use EventBridge + CloudTrail data events on the bucket

  Scenario: action categories
    Then valid action types are Source, Build, Test, Deploy, Approval, Invoke

  Scenario: parallel actions inside a stage
    Given two actions in the same stage have the same runOrder
    Then they run in parallel
    And a higher runOrder runs after them

  Scenario: manual approval
    Given a Manual approval action with an SNS topic
    When nobody approves or rejects
    Then the action times out after 7 days and fails

  Scenario: artifacts
    Then artifacts are passed between stages via the S3 artifact store
    And cross-region actions need an artifact bucket in EACH region

  Scenario: cross-account deploy (tools account -> prod account)
    Given the pipeline lives in the tools account
    Then encrypt the artifact bucket with a customer managed KMS key (not the default aws/s3 key)
    And grant the prod account access in the KMS key policy and bucket policy
    And the pipeline assumes a cross-account IAM role in the prod account
