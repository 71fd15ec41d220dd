mock_provider "aws" {
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:eu-west-2:123456789012:log-group:/aws/lambda/job-api-dev"
    }
  }
  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/job-api-dev-role"
    }
  }
  mock_resource "aws_lambda_alias" {
    defaults = {
      arn        = "arn:aws:lambda:eu-west-2:123456789012:function:job-api-dev:live"
      invoke_arn = "arn:aws:apigateway:eu-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-2:123456789012:function:job-api-dev:live/invocations"
    }
  }
  mock_resource "aws_lambda_function" {
    defaults = {
      arn     = "arn:aws:lambda:eu-west-2:123456789012:function:job-api-dev"
      version = "1"
    }
  }
}

variables {
  function_name = "job-api-dev"
  handler       = "io.mocplatform.jobapi.api.JobApiHandler"
  code          = { filename = "job-api-lambda.zip" }
  environment_variables = {
    APP_ENV    = "dev"
    JOBS_TABLE = "Jobs-dev"
  }
  policy_statements = [{
    sid       = "ReadJobs"
    actions   = ["dynamodb:GetItem"]
    resources = ["arn:aws:dynamodb:eu-west-2:123456789012:table/Jobs-dev"]
  }]
}

run "zip_function_meets_baseline" {
  assert {
    condition     = aws_lambda_function.this.runtime == "java21" && aws_lambda_function.this.architectures == tolist(["arm64"])
    error_message = "Zip functions run java21 on arm64."
  }
  assert {
    condition     = aws_lambda_function.this.tracing_config[0].mode == "Active"
    error_message = "X-Ray tracing must be Active."
  }
  assert {
    condition     = aws_lambda_function.this.snap_start[0].apply_on == "PublishedVersions" && aws_lambda_function.this.publish
    error_message = "Zip functions publish versions with SnapStart."
  }
  assert {
    condition     = aws_lambda_alias.terraform_managed[0].name == "live" && aws_lambda_alias.terraform_managed[0].function_version == aws_lambda_function.this.version
    error_message = "The live alias must point at the published version."
  }
  assert {
    condition     = aws_lambda_function.this.logging_config[0].log_format == "JSON" && aws_lambda_function.this.logging_config[0].log_group == aws_cloudwatch_log_group.logs.name
    error_message = "Logs must be JSON and go to the module's log group."
  }
  assert {
    condition     = aws_cloudwatch_log_group.logs.retention_in_days == 14 && aws_cloudwatch_log_group.logs.name == "/aws/lambda/job-api-dev"
    error_message = "The log group must have a retention."
  }
  assert {
    condition     = aws_lambda_function.this.role == aws_iam_role.execution.arn && jsondecode(aws_iam_role.execution.assume_role_policy).Statement[0].Principal.Service == "lambda.amazonaws.com"
    error_message = "The function must use its own role, assumable only by Lambda."
  }
  assert {
    condition     = output.environment_variable_names == tolist(["APP_ENV", "JOBS_TABLE"])
    error_message = "Environment variables must be passed through unchanged."
  }
  assert {
    condition     = length(aws_lambda_provisioned_concurrency_config.live) == 0 && aws_lambda_function.this.reserved_concurrent_executions == -1
    error_message = "No provisioned or reserved concurrency by default."
  }
}

run "role_policy_has_no_wildcard_actions_and_scoped_resources" {
  assert {
    condition = alltrue(flatten([
      for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : [for a in s.Action : a != "*" && !endswith(a, ":*")]
    ]))
    error_message = "No statement may use a wildcard action."
  }
  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role_policy.execution.policy).Statement :
      s.Sid == "WriteTraces" || alltrue([for r in s.Resource : startswith(r, "arn:aws:")])
    ])
    error_message = "Every resource except the X-Ray statement must be an exact ARN."
  }
  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role_policy.execution.policy).Statement :
      s.Sid != "WriteTraces" || s.Action == ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
    ])
    error_message = "The X-Ray statement may only write traces."
  }
  assert {
    condition     = contains([for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : s.Resource[0] if s.Sid == "WriteOwnLogs"], "arn:aws:logs:eu-west-2:123456789012:log-group:/aws/lambda/job-api-dev:*")
    error_message = "Log permissions must be limited to the function's own log group."
  }
  assert {
    condition     = toset([for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : s.Sid]) == toset(concat(["WriteOwnLogs", "WriteTraces"], [for s in var.policy_statements : s.sid]))
    error_message = "The module adds only its log and X-Ray statements to the caller's."
  }
}

run "sqs_event_source_targets_alias_with_partial_batch_failures" {
  variables {
    sqs_event_sources = {
      jobs = {
        queue_arn           = "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev"
        batch_size          = 1
        maximum_concurrency = 5
      }
    }
    policy_statements = [
      { sid = "ConsumeJobs", actions = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], resources = ["arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev"] },
    ]
  }

  assert {
    condition     = aws_lambda_event_source_mapping.sqs["jobs"].function_name == output.alias_arn
    error_message = "Event source mappings must invoke the live alias."
  }
  assert {
    condition     = aws_lambda_event_source_mapping.sqs["jobs"].batch_size == 1 && aws_lambda_event_source_mapping.sqs["jobs"].function_response_types == toset(["ReportBatchItemFailures"])
    error_message = "Batch size and ReportBatchItemFailures must be set."
  }
  assert {
    condition     = aws_lambda_event_source_mapping.sqs["jobs"].scaling_config[0].maximum_concurrency == 5
    error_message = "Maximum concurrency must be passed through."
  }
}

run "container_image_function" {
  variables {
    function_name = "drawing-processor-dev"
    handler       = "io.mocplatform.processor.api.DrawingJobHandler"
    package_type  = "Image"
    memory_size   = 3008
    timeout       = 900
    code          = { image_uri = "123456789012.dkr.ecr.eu-west-2.amazonaws.com/drawing-processor-dev:abc123" }
  }

  assert {
    condition     = aws_lambda_function.this.package_type == "Image" && aws_lambda_function.this.image_config[0].command == tolist(["io.mocplatform.processor.api.DrawingJobHandler"])
    error_message = "Image functions run the handler as the image command."
  }
  assert {
    condition     = length(aws_lambda_function.this.snap_start) == 0 && aws_lambda_function.this.runtime == null
    error_message = "Container images have no runtime and no SnapStart."
  }
  assert {
    condition     = aws_lambda_function.this.timeout == 900 && aws_lambda_function.this.memory_size == 3008
    error_message = "Timeout and memory must be passed through."
  }
}

run "provisioned_concurrency_without_snapstart" {
  variables {
    snap_start              = false
    provisioned_concurrency = 2
    code                    = { s3_bucket = "artifacts", s3_key = "job-api/abc/job-api-lambda.zip" }
  }

  assert {
    condition     = aws_lambda_provisioned_concurrency_config.live[0].provisioned_concurrent_executions == 2 && aws_lambda_provisioned_concurrency_config.live[0].qualifier == "live"
    error_message = "Provisioned concurrency is configured on the live alias."
  }
  assert {
    condition     = aws_lambda_function.this.s3_bucket == "artifacts" && aws_lambda_function.this.filename == null
    error_message = "S3 artifacts are supported."
  }
}

run "rejects_snapstart_with_provisioned_concurrency" {
  command = plan
  variables {
    provisioned_concurrency = 2
  }
  expect_failures = [var.provisioned_concurrency]
}

run "rejects_boundary_that_is_not_a_policy" {
  command = plan
  variables {
    permissions_boundary_arn = "moc-platform-dev-function-boundary"
  }
  expect_failures = [var.permissions_boundary_arn]
}

run "rejects_wildcard_action" {
  command = plan
  variables {
    policy_statements = [{ sid = "Bad", actions = ["dynamodb:*"], resources = ["arn:aws:dynamodb:eu-west-2:123456789012:table/Jobs-dev"] }]
  }
  expect_failures = [var.policy_statements]
}

run "rejects_wildcard_resource" {
  command = plan
  variables {
    policy_statements = [{ sid = "Bad", actions = ["s3:GetObject"], resources = ["*"] }]
  }
  expect_failures = [var.policy_statements]
}

run "rejects_two_code_sources" {
  command = plan
  variables {
    code = { filename = "a.zip", s3_bucket = "b", s3_key = "c.zip" }
  }
  expect_failures = [var.code]
}

run "rejects_image_without_uri" {
  command = plan
  variables {
    package_type = "Image"
    code         = { filename = "a.zip" }
  }
  expect_failures = [var.code]
}

run "rejects_bad_retention" {
  command = plan
  variables {
    log_retention_days = 10
  }
  expect_failures = [var.log_retention_days]
}

run "rejects_too_long_timeout" {
  command = plan
  variables {
    timeout = 901
  }
  expect_failures = [var.timeout]
}

run "without_codedeploy_terraform_moves_the_alias" {
  assert {
    condition     = length(aws_lambda_alias.live) == 0 && length(aws_lambda_alias.terraform_managed) == 1 && length(aws_codedeploy_app.this) == 0 && length(aws_codedeploy_deployment_group.this) == 0 && length(aws_iam_role.codedeploy) == 0
    error_message = "CodeDeploy is off by default and Terraform then owns the alias's version."
  }
  assert {
    condition     = output.deployment == null && output.deployment_settings == null
    error_message = "No deployment target without CodeDeploy."
  }
}

run "codedeploy_canary_with_alarm_rollback" {
  variables {
    codedeploy               = { enabled = true }
    codedeploy_alarm_names   = ["moc-platform-dev-job-api-error-rate", "moc-platform-dev-job-api-p95-duration"]
    permissions_boundary_arn = "arn:aws:iam::123456789012:policy/moc-platform-dev-function-boundary"
  }

  assert {
    condition     = aws_iam_role.execution.permissions_boundary == "arn:aws:iam::123456789012:policy/moc-platform-dev-function-boundary" && aws_iam_role.codedeploy[0].permissions_boundary == aws_iam_role.execution.permissions_boundary
    error_message = "Both roles the module creates carry the permissions boundary (the deploy role may create no role without it)."
  }

  assert {
    condition     = length(aws_lambda_alias.live) == 1 && length(aws_lambda_alias.terraform_managed) == 0 && aws_lambda_alias.live[0].name == "live" && aws_lambda_alias.live[0].function_version == aws_lambda_function.this.version
    error_message = "With CodeDeploy the alias is created at the published version under aws_lambda_alias.live."
  }
  assert {
    condition     = aws_codedeploy_app.this[0].name == "job-api-dev" && aws_codedeploy_app.this[0].compute_platform == "Lambda"
    error_message = "One CodeDeploy application per function, compute platform Lambda."
  }
  assert {
    condition     = aws_codedeploy_deployment_group.this[0].deployment_group_name == "job-api-dev-live" && aws_codedeploy_deployment_group.this[0].app_name == aws_codedeploy_app.this[0].name && aws_codedeploy_deployment_group.this[0].deployment_config_name == "CodeDeployDefault.LambdaCanary10Percent5Minutes"
    error_message = "The deployment group uses the 10 % / 5 minutes canary by default."
  }
  assert {
    condition     = aws_codedeploy_deployment_group.this[0].deployment_style[0].deployment_type == "BLUE_GREEN" && aws_codedeploy_deployment_group.this[0].deployment_style[0].deployment_option == "WITH_TRAFFIC_CONTROL"
    error_message = "Lambda deployments shift traffic (blue/green with traffic control)."
  }
  assert {
    condition     = aws_codedeploy_deployment_group.this[0].auto_rollback_configuration[0].enabled && toset(aws_codedeploy_deployment_group.this[0].auto_rollback_configuration[0].events) == toset(["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"])
    error_message = "Automatic rollback on DEPLOYMENT_FAILURE and DEPLOYMENT_STOP_ON_ALARM."
  }
  assert {
    condition     = aws_codedeploy_deployment_group.this[0].alarm_configuration[0].enabled && !aws_codedeploy_deployment_group.this[0].alarm_configuration[0].ignore_poll_alarm_failure && toset(aws_codedeploy_deployment_group.this[0].alarm_configuration[0].alarms) == toset(["moc-platform-dev-job-api-error-rate", "moc-platform-dev-job-api-p95-duration"])
    error_message = "The function's error-rate and duration alarms stop the deployment; an unreadable alarm stops it too."
  }
  assert {
    condition     = aws_codedeploy_deployment_group.this[0].service_role_arn == aws_iam_role.codedeploy[0].arn && jsondecode(aws_iam_role.codedeploy[0].assume_role_policy).Statement[0].Principal.Service == "codedeploy.amazonaws.com" && length(jsondecode(aws_iam_role.codedeploy[0].assume_role_policy).Statement) == 1
    error_message = "The deployment group has its own service role, assumable only by CodeDeploy."
  }
  assert {
    condition     = aws_iam_role_policy_attachment.codedeploy[0].policy_arn == "arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited" && aws_iam_role_policy_attachment.codedeploy[0].role == aws_iam_role.codedeploy[0].name
    error_message = "The service role carries only AWSCodeDeployRoleForLambdaLimited."
  }
  assert {
    condition     = output.deployment == { application = "job-api-dev", deployment_group = "job-api-dev-live", function_name = "job-api-dev", alias = "live" }
    error_message = "The deployment output has the shape tools/deploy/release.sh reads."
  }
  assert {
    condition     = output.alias_arn == aws_lambda_alias.live[0].arn
    error_message = "Consumers of the alias get the CodeDeploy-managed one."
  }
}

run "codedeploy_custom_config" {
  command = plan
  variables {
    codedeploy             = { enabled = true, application_name = "moc-platform-dev", deployment_config_name = "CodeDeployDefault.LambdaLinear10PercentEvery1Minute" }
    codedeploy_alarm_names = ["a"]
  }
  assert {
    condition     = aws_codedeploy_deployment_group.this[0].deployment_config_name == "CodeDeployDefault.LambdaLinear10PercentEvery1Minute" && aws_codedeploy_app.this[0].name == "moc-platform-dev"
    error_message = "The deployment configuration and application name are variables."
  }
}

run "rejects_codedeploy_without_alarms" {
  command = plan
  variables {
    codedeploy = { enabled = true }
  }
  expect_failures = [var.codedeploy_alarm_names]
}

run "rejects_non_lambda_deployment_config" {
  command = plan
  variables {
    codedeploy             = { enabled = true, deployment_config_name = "CodeDeployDefault.OneAtATime" }
    codedeploy_alarm_names = ["a"]
  }
  expect_failures = [var.codedeploy]
}

run "jvm_options_become_java_tool_options" {
  command = plan
  variables {
    jvm_options = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
  }
  assert {
    condition     = aws_lambda_function.this.environment[0].variables["JAVA_TOOL_OPTIONS"] == "-XX:+TieredCompilation -XX:TieredStopAtLevel=1" && output.settings.jvm_options == "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
    error_message = "jvm_options reach the JVM as JAVA_TOOL_OPTIONS."
  }
  assert {
    condition     = !contains(output.environment_variable_names, "JAVA_TOOL_OPTIONS")
    error_message = "JAVA_TOOL_OPTIONS is not one of the application's (contract) variables."
  }
}

run "rejects_malformed_jvm_options" {
  command = plan
  variables {
    jvm_options = "TieredStopAtLevel=1; rm -rf /"
  }
  expect_failures = [var.jvm_options]
}

run "rejects_java_tool_options_in_environment_variables" {
  command = plan
  variables {
    environment_variables = { JAVA_TOOL_OPTIONS = "-Xmx1g" }
  }
  expect_failures = [var.environment_variables]
}
