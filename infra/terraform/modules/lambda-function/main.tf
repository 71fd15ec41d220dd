locals {
  # JVM flags travel in JAVA_TOOL_OPTIONS, which the Java runtime (zip or image) reads before the handler loads.
  environment = merge(var.environment_variables, var.jvm_options == null ? {} : { JAVA_TOOL_OPTIONS = var.jvm_options })

  is_zip     = var.package_type == "Zip"
  snap_start = local.is_zip && var.snap_start
  codedeploy = var.codedeploy.enabled

  # Written out here rather than with aws_iam_policy_document so that tests can read the exact document.
  module_statements = [
    {
      Sid      = "WriteOwnLogs"
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = ["${aws_cloudwatch_log_group.logs.arn}:*"]
    },
    {
      # X-Ray's write actions have no resource-level permissions, so "*" is the only valid resource.
      Sid      = "WriteTraces"
      Effect   = "Allow"
      Action   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
      Resource = ["*"]
    },
  ]

  caller_statements = [
    for s in var.policy_statements : merge(
      {
        Sid      = s.sid
        Effect   = "Allow"
        Action   = s.actions
        Resource = s.resources
      },
      length(s.conditions) == 0 ? {} : {
        Condition = {
          for test in distinct([for c in s.conditions : c.test]) : test => {
            for c in s.conditions : c.variable => c.values if c.test == test
          }
        }
      },
    )
  ]

  policy_document = {
    Version   = "2012-10-17"
    Statement = concat(local.module_statements, local.caller_statements)
  }
}

resource "aws_iam_role" "execution" {
  name                 = "${var.function_name}-role"
  description          = "Execution role of ${var.function_name} (one role per function)."
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy" "execution" {
  name   = "${var.function_name}-least-privilege"
  role   = aws_iam_role.execution.id
  policy = jsonencode(local.policy_document)
}

resource "aws_cloudwatch_log_group" "logs" {
  name              = "/aws/lambda/${var.function_name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn
  tags              = var.tags
}

resource "aws_lambda_function" "this" {
  function_name = var.function_name
  description   = var.description
  role          = aws_iam_role.execution.arn
  package_type  = var.package_type
  architectures = [var.architecture]
  memory_size   = var.memory_size
  timeout       = var.timeout
  publish       = true
  kms_key_arn   = var.kms_key_arn

  runtime = local.is_zip ? var.runtime : null
  handler = local.is_zip ? var.handler : null

  filename          = var.code.filename
  s3_bucket         = var.code.s3_bucket
  s3_key            = var.code.s3_key
  s3_object_version = var.code.s3_object_version
  source_code_hash  = var.code.source_code_hash != null ? var.code.source_code_hash : (var.code.filename != null ? try(filebase64sha256(var.code.filename), null) : null)
  image_uri         = var.code.image_uri

  reserved_concurrent_executions = coalesce(var.reserved_concurrency, -1)

  dynamic "image_config" {
    for_each = local.is_zip ? [] : [1]
    content {
      command = [var.handler]
    }
  }

  dynamic "snap_start" {
    for_each = local.snap_start ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  dynamic "environment" {
    for_each = length(local.environment) == 0 ? [] : [1]
    content {
      variables = local.environment
    }
  }

  tracing_config {
    mode = "Active"
  }

  logging_config {
    log_format            = "JSON"
    log_group             = aws_cloudwatch_log_group.logs.name
    application_log_level = var.application_log_level
    system_log_level      = "WARN"
  }

  tags = var.tags

  depends_on = [aws_iam_role_policy.execution]
}

# With a CodeDeploy deployment group the alias is created at the first published version and then moved only by
# CodeDeploy (tools/deploy/release.sh): Terraform ignores its version and weights so that an apply never undoes a
# canary or a rollback. Without one, Terraform points it at each new version on apply (terraform_managed below).
# The CodeDeploy-managed alias keeps the address aws_lambda_alias.live (count adds [0] without a state move).
resource "aws_lambda_alias" "live" {
  count = local.codedeploy ? 1 : 0

  name             = var.alias_name
  description      = "Traffic enters here; CodeDeploy shifts it to new versions."
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version

  lifecycle {
    ignore_changes = [function_version, routing_config]
  }
}

resource "aws_lambda_alias" "terraform_managed" {
  count = local.codedeploy ? 0 : 1

  name             = var.alias_name
  description      = "Latest published version; traffic enters here."
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

locals {
  alias = one(concat(aws_lambda_alias.live, aws_lambda_alias.terraform_managed))
}

resource "aws_lambda_provisioned_concurrency_config" "live" {
  count = var.provisioned_concurrency > 0 ? 1 : 0

  function_name                     = aws_lambda_function.this.function_name
  qualifier                         = local.alias.name
  provisioned_concurrent_executions = var.provisioned_concurrency
}

resource "aws_lambda_event_source_mapping" "sqs" {
  for_each = var.sqs_event_sources

  event_source_arn                   = each.value.queue_arn
  function_name                      = local.alias.arn
  batch_size                         = each.value.batch_size
  maximum_batching_window_in_seconds = each.value.maximum_batching_window_in_seconds
  function_response_types            = each.value.report_batch_item_failures ? ["ReportBatchItemFailures"] : []
  enabled                            = each.value.enabled

  dynamic "scaling_config" {
    for_each = each.value.maximum_concurrency == null ? [] : [1]
    content {
      maximum_concurrency = each.value.maximum_concurrency
    }
  }

  depends_on = [aws_iam_role_policy.execution]
}
