/* orders release pipeline (= my DOP notes). tools acct 111111111111 builds, prod 222222222222 deploys
 * stages: Source -> Build -> Approve -> Deploy (eu-west-1 + us-east-1) */

# cross-account artifacts: MUST be a customer managed KMS key.
# the AWS managed aws/s3 key can't be shared with another account,
# so the prod role could never decrypt the artifacts.
resource "aws_kms_key" "artifacts" {
  enable_key_rotation = true
  # key policy grants kms:Decrypt to the prod deploy role; bucket policy allows s3:GetObject too
}

resource "aws_s3_bucket_lifecycle_configuration" "artifacts_euw1" {
  bucket = "orders-pipeline-artifacts-euw1"
  rule {
    id     = "expire-old-artifacts"
    status = "Enabled"
    expiration { days = 30 } # artifacts only matter for ~a month
  }
}

resource "aws_codepipeline" "orders" {
  name     = "orders-release"
  role_arn = aws_iam_role.pipeline.arn

  # cross-region action => one artifact store PER REGION, each with `region` (CP copies artifacts over)
  artifact_store {
    location = "orders-pipeline-artifacts-euw1"
    type     = "S3"
    region   = "eu-west-1"
    encryption_key {
      id   = aws_kms_key.artifacts.arn
      type = "KMS"
    }
  }
  artifact_store {
    location = "orders-pipeline-artifacts-use1"
    type     = "S3"
    region   = "us-east-1"
  }
  stage {
    name = "Source"
    # source providers I need to know: CodeCommit, S3, ECR,
    # CodeStarSourceConnection (GitHub / Bitbucket / GitLab via CodeConnections)
    action {
      name             = "GitHub"
      category         = "Source"
      owner            = "AWS"
      provider         = "CodeStarSourceConnection"
      version          = "1"
      output_artifacts = ["src"]
      configuration    = { ConnectionArn = aws_codestarconnections_connection.gh.arn, FullRepositoryId = "acme/orders", BranchName = "main" }
    }
  }
  stage {
    name = "Build"
    action {
      name             = "UnitAndPackage"
      category         = "Build"
      owner            = "AWS"
      provider         = "CodeBuild"
      version          = "1"
      input_artifacts  = ["src"]
      output_artifacts = ["pkg"]
      configuration    = { ProjectName = aws_codebuild_project.orders.name }
    }
  }
  stage {
    name = "Approve"
    // manual approval: waits max 7 days, then the action fails.
    // NotificationArn -> SNS topic -> email the approvers
    action {
      name          = "ProdGate"
      category      = "Approval"
      owner         = "AWS"
      provider      = "Manual"
      version       = "1"
      configuration = { NotificationArn = aws_sns_topic.approvals.arn }
    }
  }
  stage {
    name = "Deploy"
    // CFN action modes: CREATE_UPDATE, DELETE_ONLY, REPLACE_ON_FAILURE,
    // CHANGE_SET_REPLACE, CHANGE_SET_EXECUTE  (changeset = review before exec)
    action {
      name            = "ProdStack"
      category        = "Deploy"
      owner           = "AWS"
      provider        = "CloudFormation"
      version         = "1"
      input_artifacts = ["pkg"]
      role_arn        = "arn:aws:iam::222222222222:role/pipeline-cross-account" # assumed in prod
      configuration = {
        ActionMode   = "CREATE_UPDATE"
        StackName    = "orders-prod"
        TemplatePath = "pkg::packaged.yaml"
        RoleArn      = "arn:aws:iam::222222222222:role/cfn-exec" # CFN service role
      }
    }
  }
}

# CodeBuild limits: build timeout 5 min..36 h (2160 min), default 60 min.
# queued timeout 5 min..8 h. buildspec phases: install, pre_build, build, post_build
resource "aws_codebuild_project" "orders" {
  name           = "orders-build"
  service_role   = aws_iam_role.codebuild.arn
  build_timeout  = 60  # minutes
  queued_timeout = 480 # minutes = the 8h max
  environment {
    compute_type    = "BUILD_GENERAL1_MEDIUM"
    image           = "aws/codebuild/amazonlinux2-x86_64-standard:5.0"
    type            = "LINUX_CONTAINER"
    privileged_mode = true # needed to run docker build / docker daemon
    # secrets: env vars of type PARAMETER_STORE or SECRETS_MANAGER, never PLAINTEXT
  }
  cache {
    type  = "LOCAL" # or S3. local modes: DOCKER_LAYER, SOURCE, CUSTOM
    modes = ["LOCAL_DOCKER_LAYER_CACHE", "LOCAL_SOURCE_CACHE"]
  }
  logs_config {
    cloudwatch_logs { group_name = aws_cloudwatch_log_group.build.name }
    s3_logs { status = "DISABLED" } # could ALSO send logs to S3, both at once is fine
  }
  source { type = "CODEPIPELINE" }
  artifacts { type = "CODEPIPELINE" }
}
resource "aws_cloudwatch_log_group" "build" {
  name              = "/codebuild/orders"
  retention_in_days = 90 # 1 day .. 10 years, default = never expire
}

/* notifications, two ways: 1) CodeStar Notifications rule -> targets: SNS topic or AWS Chatbot (Slack / Chime)
   2) EventBridge rule on "CodePipeline Pipeline Execution State Change" -> SNS, Lambda...
   EventBridge if you need filtering on detail.state or a non-SNS target */
resource "aws_codestarnotifications_notification_rule" "failed" {
  name           = "orders-failed"
  resource       = aws_codepipeline.orders.arn
  detail_type    = "FULL"
  event_type_ids = ["codepipeline-pipeline-pipeline-execution-failed"]
  target { address = aws_sns_topic.alerts.arn }
}

# guardrail stack to every org account = StackSets. permission models: SELF_MANAGED
# (you create the Administration + Execution roles) or SERVICE_MANAGED (Organizations
# trusted access). auto_deployment to new accounts only works with SERVICE_MANAGED
resource "aws_cloudformation_stack_set" "guardrails" {
  name             = "org-guardrails"
  permission_model = "SERVICE_MANAGED"
  auto_deployment { enabled = true }
}
