data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition
  t          = var.thresholds

  # Every query has the same shape so that all alarms share one object type.
  no_metric = { namespace = null, metric_name = null, dimensions = tomap({}), stat = null, period = null }

  error_rate_queries = {
    for fn in distinct(concat(values(var.image_service.functions), values(var.processing.functions))) : fn => [
      merge(local.no_metric, { id = "errors", expression = null, label = "Errors", return_data = false, namespace = "AWS/Lambda", metric_name = "Errors", dimensions = tomap({ FunctionName = fn }), stat = "Sum", period = 300 }),
      merge(local.no_metric, { id = "invocations", expression = null, label = "Invocations", return_data = false, namespace = "AWS/Lambda", metric_name = "Invocations", dimensions = tomap({ FunctionName = fn }), stat = "Sum", period = 300 }),
      merge(local.no_metric, { id = "error_rate", expression = "IF(invocations > 0, 100 * errors / invocations, 0)", label = "Error rate (%)", return_data = true }),
    ]
  }

  throttle_queries = {
    for table in distinct(concat(values(var.image_service.tables), values(var.processing.tables))) : table => [
      merge(local.no_metric, { id = "reads", expression = null, label = "Read throttles", return_data = false, namespace = "AWS/DynamoDB", metric_name = "ReadThrottleEvents", dimensions = tomap({ TableName = table }), stat = "Sum", period = 300 }),
      merge(local.no_metric, { id = "writes", expression = null, label = "Write throttles", return_data = false, namespace = "AWS/DynamoDB", metric_name = "WriteThrottleEvents", dimensions = tomap({ TableName = table }), stat = "Sum", period = 300 }),
      merge(local.no_metric, { id = "throttles", expression = "FILL(reads, 0) + FILL(writes, 0)", label = "Throttled requests", return_data = true }),
    ]
  }

  api_5xx_queries = {
    for api in distinct(concat(values(var.image_service.apis), values(var.processing.apis))) : api => [
      merge(local.no_metric, { id = "errors_5xx", expression = null, label = "5xx", return_data = true, namespace = "AWS/ApiGateway", metric_name = "5xx", dimensions = tomap({ ApiId = api }), stat = "Sum", period = 3600 }),
    ]
  }

  dlq_visible_queries = {
    for dlq in values(var.processing.dead_letter_queues) : dlq => [
      merge(local.no_metric, { id = "visible", expression = null, label = "Visible messages", return_data = true, namespace = "AWS/SQS", metric_name = "ApproximateNumberOfMessagesVisible", dimensions = tomap({ QueueName = dlq }), stat = "Maximum", period = 300 }),
    ]
  }

  # What both services alarm on the same way: each function's error rate (each service with its own threshold),
  # each table's throttles and each API's 5xx.
  services = {
    image-service = { functions = var.image_service.functions, tables = var.image_service.tables, apis = var.image_service.apis, error_rate_percent = local.t.image_error_rate_percent }
    processing    = { functions = var.processing.functions, tables = var.processing.tables, apis = var.processing.apis, error_rate_percent = local.t.processing_error_rate_percent }
  }

  shared_alarms = merge(flatten([
    for service, s in local.services : [
      {
        for key, fn in s.functions : "${key}-error-rate" => {
          service     = service
          description = "${fn}: Lambda error rate above ${s.error_rate_percent}% over 5 minutes."
          threshold   = s.error_rate_percent
          queries     = local.error_rate_queries[fn]
        }
      },
      {
        for key, table in s.tables : "${key}-throttles" => {
          service     = service
          description = "${table}: DynamoDB throttled requests above ${local.t.dynamodb_throttled_requests}."
          threshold   = local.t.dynamodb_throttled_requests
          queries     = local.throttle_queries[table]
        }
      },
      {
        for key, api in s.apis : "${key}-5xx" => {
          service     = service
          description = "${key}: more than ${local.t.api_5xx_per_hour} API Gateway 5xx responses in an hour."
          threshold   = local.t.api_5xx_per_hour
          queries     = local.api_5xx_queries[api]
        }
      },
    ]
  ])...)

  image_alarms = merge(
    {
      for key, fn in var.image_service.functions : "${key}-p95-duration" => {
        service     = "image-service"
        description = "${fn}: P95 duration above ${local.t.image_p95_duration_ms} ms over 5 minutes."
        threshold   = local.t.image_p95_duration_ms
        queries = [
          merge(local.no_metric, { id = "p95", expression = null, label = "Duration p95", return_data = true, namespace = "AWS/Lambda", metric_name = "Duration", dimensions = tomap({ FunctionName = fn }), stat = "p95", period = 300 }),
        ]
      }
    },
    {
      for key, bucket in var.image_service.buckets : "${key}-s3-5xx" => {
        service     = "image-service"
        description = "${bucket.name}: more than ${local.t.s3_5xx_per_hour} S3 5xx errors in an hour."
        threshold   = local.t.s3_5xx_per_hour
        queries = [
          merge(local.no_metric, { id = "errors_5xx", expression = null, label = "S3 5xx", return_data = true, namespace = "AWS/S3", metric_name = "5xxErrors", dimensions = tomap({ BucketName = bucket.name, FilterId = bucket.filter_id }), stat = "Sum", period = 3600 }),
        ]
      }
    },
  )

  processing_alarms = merge(
    {
      for key, queue in var.processing.queues : "${key}-message-age" => {
        service     = "processing"
        description = "${queue}: oldest message older than ${local.t.queue_max_age_seconds / 60} minutes."
        threshold   = local.t.queue_max_age_seconds
        queries = [
          merge(local.no_metric, { id = "age", expression = null, label = "Oldest message age (s)", return_data = true, namespace = "AWS/SQS", metric_name = "ApproximateAgeOfOldestMessage", dimensions = tomap({ QueueName = queue }), stat = "Maximum", period = 300 }),
        ]
      }
    },
    {
      for key, dlq in var.processing.dead_letter_queues : "${key}-messages-present" => {
        service     = "processing"
        description = "${dlq}: dead-lettered jobs are waiting (runbook: inspect, fix, redrive with StartMessageMoveTask)."
        threshold   = 0
        queries     = local.dlq_visible_queries[dlq]
      }
    },
    {
      # Each failed send is a client's 503 and a job marked failed (or, if that write failed too, a queued job that
      # no message will process): worth a look at the first one.
      for key, fn in var.processing.job_intake_functions : "${key}-enqueue-failed" => {
        service     = "processing"
        description = "${fn}: jobs could not be sent to the jobs queue (EnqueueFailed > 0 in 5 minutes; runbook: enqueue failures)."
        threshold   = 0
        queries = [
          merge(local.no_metric, { id = "failed", expression = null, label = "Enqueue failures", return_data = true, namespace = var.custom_metrics_namespace, metric_name = "EnqueueFailed", dimensions = tomap({ function = fn }), stat = "Sum", period = 300 }),
        ]
      }
    },
    {
      # A requeued job had lost its message (job-api died after writing it, or the queue lost it): it is processed
      # now, but the cause is worth a look (runbook: jobs requeued by the reconciler).
      for key, fn in var.processing.reconciler_functions : "${key}-jobs-requeued" => {
        service     = "processing"
        description = "${fn}: jobs were found queued or processing without a message and sent again (JobsRequeued > 0 in 15 minutes; runbook: jobs requeued by the reconciler)."
        threshold   = 0
        queries = [
          merge(local.no_metric, { id = "requeued", expression = null, label = "Jobs requeued", return_data = true, namespace = var.custom_metrics_namespace, metric_name = "JobsRequeued", dimensions = tomap({ function = fn }), stat = "Sum", period = 900 }),
        ]
      }
    },
    {
      for key, dlq in var.processing.dead_letter_queues : "${key}-depth" => {
        service     = "processing"
        description = "${dlq}: more than ${local.t.dlq_depth} dead-lettered messages."
        threshold   = local.t.dlq_depth
        queries     = local.dlq_visible_queries[dlq]
      }
    },
  )

  alarms = merge(local.shared_alarms, local.image_alarms, local.processing_alarms)

  # A function-wide error rate dilutes a canary: a version failing every call at 10 % of the traffic shows as
  # ~10 %. These count only the new version's invocations through the alias, per minute, so a broken canary reads
  # ~100 % and fires inside CodeDeploy's five-minute window. tools/deploy/release.sh sends probe invocations
  # through the alias during the canary, so a quiet environment has data too; a minute without invocations of the
  # version is no evidence either way and counts as not breaching.
  canary_alarms = {
    for key, c in var.canary_versions : "${key}-canary-error-rate" => {
      function    = key
      description = "${c.function_name} version ${c.version} (the release CodeDeploy is shifting ${c.alias} to): error rate above ${local.t.canary_error_rate_percent}% in a minute. Rolls the release back."
      dimensions  = tomap({ FunctionName = c.function_name, Resource = "${c.function_name}:${c.alias}", ExecutedVersion = c.version })
    }
  }

  key_admin_actions = [
    "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*",
    "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource",
    "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
    "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
  ]

  publishing_services = ["cloudwatch.amazonaws.com", "budgets.amazonaws.com", "costalerts.amazonaws.com"]

  key_policy = {
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministersAndDelegatesToIam"
        Effect    = "Allow"
        Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
        Action    = local.key_admin_actions
        Resource  = "*"
      },
      {
        # Alarms, budgets and cost anomaly alerts encrypt messages for the topic with this key.
        Sid       = "AllowAlertingServicesToUseKeyForTopic"
        Effect    = "Allow"
        Principal = { Service = local.publishing_services }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
        Condition = { StringEquals = { "aws:SourceAccount" = local.account_id } }
      },
    ]
  }

  topic_policy = {
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AllowCloudWatchAlarmsToPublish"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.this.arn
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.account_id }
          ArnLike      = { "aws:SourceArn" = "arn:${local.partition}:cloudwatch:${local.region}:${local.account_id}:alarm:${var.name_prefix}-*" }
        }
      },
      {
        Sid       = "AllowBudgetsAndCostAnomalyAlertsToPublish"
        Effect    = "Allow"
        Principal = { Service = ["budgets.amazonaws.com", "costalerts.amazonaws.com"] }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.this.arn
        Condition = { StringEquals = { "aws:SourceAccount" = local.account_id } }
      },
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = ["sns:Publish", "sns:Subscribe", "sns:Receive"]
        Resource  = aws_sns_topic.this.arn
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  }
}

resource "aws_kms_key" "alerts" {
  description             = "Encrypts the ${var.alerts_topic_name} SNS topic"
  enable_key_rotation     = true
  deletion_window_in_days = var.key_deletion_window_days
  policy                  = jsonencode(local.key_policy)
  tags                    = var.tags
}

resource "aws_kms_alias" "alerts" {
  name          = "alias/${var.name_prefix}-alerts"
  target_key_id = aws_kms_key.alerts.key_id
}

resource "aws_sns_topic" "this" {
  name              = var.alerts_topic_name
  kms_master_key_id = aws_kms_key.alerts.arn
  tags              = var.tags
}

resource "aws_sns_topic_policy" "this" {
  arn    = aws_sns_topic.this.arn
  policy = jsonencode(local.topic_policy)
}

resource "aws_sns_topic_subscription" "email" {
  for_each  = toset(var.alert_email_addresses)
  topic_arn = aws_sns_topic.this.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_cloudwatch_metric_alarm" "alarms" {
  for_each = local.alarms

  alarm_name          = "${var.name_prefix}-${each.key}"
  alarm_description   = each.value.description
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  evaluation_periods  = 1
  datapoints_to_alarm = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.this.arn]
  ok_actions          = [aws_sns_topic.this.arn]

  dynamic "metric_query" {
    for_each = each.value.queries
    content {
      id          = metric_query.value.id
      expression  = metric_query.value.expression
      label       = metric_query.value.label
      return_data = metric_query.value.return_data

      dynamic "metric" {
        for_each = metric_query.value.metric_name == null ? [] : [metric_query.value]
        content {
          namespace   = metric.value.namespace
          metric_name = metric.value.metric_name
          dimensions  = metric.value.dimensions
          stat        = metric.value.stat
          period      = metric.value.period
        }
      }
    }
  }

  tags = merge(var.tags, { Service = each.value.service })
}

resource "aws_cloudwatch_metric_alarm" "canary" {
  for_each = local.canary_alarms

  alarm_name          = "${var.name_prefix}-${each.key}"
  alarm_description   = each.value.description
  comparison_operator = "GreaterThanThreshold"
  threshold           = local.t.canary_error_rate_percent
  evaluation_periods  = 1
  datapoints_to_alarm = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.this.arn]
  ok_actions          = [aws_sns_topic.this.arn]

  metric_query {
    id          = "errors"
    label       = "Errors of the released version"
    return_data = false
    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Errors"
      dimensions  = each.value.dimensions
      stat        = "Sum"
      period      = 60
    }
  }

  metric_query {
    id          = "invocations"
    label       = "Invocations of the released version"
    return_data = false
    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Invocations"
      dimensions  = each.value.dimensions
      stat        = "Sum"
      period      = 60
    }
  }

  metric_query {
    id          = "error_rate"
    expression  = "IF(invocations > 0, 100 * errors / invocations, 0)"
    label       = "Error rate of the released version (%)"
    return_data = true
  }

  tags = merge(var.tags, { Service = "release" })
}

resource "aws_budgets_budget" "monthly" {
  name         = "${var.name_prefix}-monthly"
  budget_type  = "COST"
  limit_amount = format("%.2f", var.monthly_budget_usd)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  cost_filter {
    name   = "TagKeyValue"
    values = [format("user:%s$%s", var.cost_allocation_tag.key, var.cost_allocation_tag.value)]
  }

  notification {
    comparison_operator       = "GREATER_THAN"
    notification_type         = "FORECASTED"
    threshold                 = var.budget_forecast_threshold_percent
    threshold_type            = "PERCENTAGE"
    subscriber_sns_topic_arns = [aws_sns_topic.this.arn]
  }

  notification {
    comparison_operator       = "GREATER_THAN"
    notification_type         = "ACTUAL"
    threshold                 = 100
    threshold_type            = "PERCENTAGE"
    subscriber_sns_topic_arns = [aws_sns_topic.this.arn]
  }

  depends_on = [aws_sns_topic_policy.this]
}

resource "aws_ce_anomaly_monitor" "cost" {
  count        = var.create_cost_anomaly_monitor ? 1 : 0
  name         = "${var.name_prefix}-cost"
  monitor_type = "CUSTOM"

  monitor_specification = jsonencode({
    And            = null
    CostCategories = null
    Dimensions     = null
    Not            = null
    Or             = null
    Tags = {
      Key          = var.cost_allocation_tag.key
      MatchOptions = null
      Values       = [var.cost_allocation_tag.value]
    }
  })

  tags = var.tags
}

resource "aws_ce_anomaly_subscription" "cost" {
  count            = var.create_cost_anomaly_monitor ? 1 : 0
  name             = "${var.name_prefix}-cost-anomalies"
  frequency        = "IMMEDIATE"
  monitor_arn_list = [aws_ce_anomaly_monitor.cost[0].arn]

  subscriber {
    type    = "SNS"
    address = aws_sns_topic.this.arn
  }

  threshold_expression {
    dimension {
      key           = "ANOMALY_TOTAL_IMPACT_ABSOLUTE"
      match_options = ["GREATER_THAN_OR_EQUAL"]
      values        = [tostring(var.anomaly_alert_threshold_usd)]
    }
  }

  tags = var.tags

  depends_on = [aws_sns_topic_policy.this]
}

resource "aws_cloudwatch_query_definition" "errors_by_correlation_id" {
  count           = length(var.log_group_names) > 0 ? 1 : 0
  name            = "${var.name_prefix}/errors-by-correlation-id"
  log_group_names = var.log_group_names
  query_string    = <<-EOT
    fields @timestamp, function, level, correlation_id, job_id, message
    | filter level = "ERROR"
    | stats count(*) as errors by correlation_id, function
    | sort errors desc
  EOT
}

resource "aws_cloudwatch_query_definition" "job_timeline" {
  count           = length(var.log_group_names) > 0 ? 1 : 0
  name            = "${var.name_prefix}/job-timeline"
  log_group_names = var.log_group_names
  query_string    = <<-EOT
    fields @timestamp, function, level, job_id, correlation_id, message
    | filter ispresent(job_id)
    | sort @timestamp asc
    | limit 500
  EOT
}
