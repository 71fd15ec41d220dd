mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_region" {
    defaults = { name = "eu-west-2" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:eu-west-2:123456789012:alerts-dev" }
  }
  mock_resource "aws_kms_key" {
    defaults = { arn = "arn:aws:kms:eu-west-2:123456789012:key/11111111-2222-3333-4444-555555555555" }
  }
  mock_resource "aws_ce_anomaly_monitor" {
    defaults = { arn = "arn:aws:ce::123456789012:anomalymonitor/11111111-2222-3333-4444-555555555555" }
  }
}

variables {
  name_prefix        = "moc-platform-dev"
  alerts_topic_name  = "alerts-dev"
  monthly_budget_usd = 50
  cost_allocation_tag = {
    key   = "Environment"
    value = "dev"
  }
  image_service = {
    functions     = { image-api = "image-api-dev" }
    apis          = { image-api = "abc123" }
    tables        = { images-table = "ImageMetadata-dev" }
    buckets       = { images-bucket = { name = "images-lego-moc-dev", filter_id = "EntireBucket" } }
    distributions = { images-cdn = "EDFDVBD6EXAMPLE" }
  }
  processing = {
    functions            = { job-api = "job-api-dev", drawing-processor = "drawing-processor-dev", dlq-handler = "dlq-handler-dev" }
    apis                 = { job-api = "def456" }
    tables               = { jobs-table = "Jobs-dev" }
    queues               = { jobs-queue = "drawing-jobs-dev" }
    dead_letter_queues   = { jobs-dlq = "drawing-jobs-dlq-dev" }
    job_intake_functions = { job-api = "job-api-dev" }
  }
  log_group_names = ["/aws/lambda/job-api-dev"]
}

run "every_alarm_and_its_service" {
  command = plan
  assert {
    # Written out: an alarm lost or moved to the other service in a refactoring fails here.
    condition = { for k, a in local.alarms : k => a.service } == {
      "image-api-error-rate"      = "image-service", "image-api-p95-duration" = "image-service", "images-table-throttles" = "image-service",
      "images-bucket-s3-5xx"      = "image-service", "image-api-5xx" = "image-service",
      "job-api-error-rate"        = "processing", "drawing-processor-error-rate" = "processing", "dlq-handler-error-rate" = "processing",
      "jobs-table-throttles"      = "processing", "job-api-5xx" = "processing", "jobs-queue-message-age" = "processing",
      "jobs-dlq-messages-present" = "processing", "job-api-enqueue-failed" = "processing", "jobs-dlq-depth" = "processing",
    }
    error_message = "Exactly these alarms, each in its service."
  }
}

run "image_service_alarms_use_seed_thresholds" {
  assert {
    condition     = aws_cloudwatch_metric_alarm.alarms["image-api-error-rate"].threshold == 1 && one([for q in aws_cloudwatch_metric_alarm.alarms["image-api-error-rate"].metric_query : q.expression if q.return_data]) == "IF(invocations > 0, 100 * errors / invocations, 0)"
    error_message = "Image service: Lambda error rate > 1%."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.alarms["image-api-p95-duration"].threshold == 1000 && one(flatten([for q in aws_cloudwatch_metric_alarm.alarms["image-api-p95-duration"].metric_query : [for m in q.metric : m.stat]])) == "p95"
    error_message = "Image service: P95 duration > 1000 ms."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.alarms["images-table-throttles"].threshold == 0 && aws_cloudwatch_metric_alarm.alarms["images-table-throttles"].comparison_operator == "GreaterThanThreshold"
    error_message = "Image service: DynamoDB throttles > 0."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.alarms["images-bucket-s3-5xx"].threshold == 5 && one(flatten([for q in aws_cloudwatch_metric_alarm.alarms["images-bucket-s3-5xx"].metric_query : [for m in q.metric : m.period]])) == 3600
    error_message = "Image service: S3 5xx > 5 per hour."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.alarms["image-api-5xx"].threshold == 10 && one(flatten([for q in aws_cloudwatch_metric_alarm.alarms["image-api-5xx"].metric_query : [for m in q.metric : m.period]])) == 3600
    error_message = "Image service: API 5xx > 10 per hour."
  }
}

run "processing_alarms_use_seed_thresholds" {
  assert {
    condition     = alltrue([for k in ["job-api", "drawing-processor", "dlq-handler"] : aws_cloudwatch_metric_alarm.alarms["${k}-error-rate"].threshold == 10])
    error_message = "Processing: Lambda error rate > 10%."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.alarms["jobs-queue-message-age"].threshold == 1200 && one(flatten([for q in aws_cloudwatch_metric_alarm.alarms["jobs-queue-message-age"].metric_query : [for m in q.metric : m.metric_name]])) == "ApproximateAgeOfOldestMessage"
    error_message = "Processing: SQS message age > 20 minutes."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.alarms["jobs-dlq-messages-present"].threshold == 0
    error_message = "Processing: any DLQ message alarms."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.alarms["jobs-dlq-depth"].threshold == 5
    error_message = "Processing: DLQ depth > 5."
  }
  assert {
    condition     = aws_budgets_budget.monthly.limit_amount == "50.00" && contains([for n in output.settings.budget_notifications : n.type if n.threshold == 100], "FORECASTED")
    error_message = "Processing: monthly cost projection above the budget alerts."
  }
  assert {
    condition     = alltrue([for n in output.settings.budget_notifications : n.topics == toset([aws_sns_topic.this.arn])])
    error_message = "Budget notifications go to the alerts topic."
  }
  assert {
    condition     = tolist(aws_budgets_budget.monthly.cost_filter)[0].values == tolist(["user:Environment$dev"])
    error_message = "The budget is scoped to the environment's cost allocation tag."
  }
  assert {
    condition     = one(aws_ce_anomaly_subscription.cost[0].subscriber[*].address) == aws_sns_topic.this.arn && aws_ce_anomaly_subscription.cost[0].frequency == "IMMEDIATE"
    error_message = "Cost anomalies are sent to the alerts topic."
  }
}

run "every_alarm_has_alarm_and_ok_actions" {
  assert {
    condition     = length(output.alarms) == 14
    error_message = "Expected 5 image service alarms and 9 processing alarms (the enqueue-failure alarm included)."
  }
  assert {
    condition     = alltrue([for a in values(output.alarms) : a.alarm_actions == toset(["arn:aws:sns:eu-west-2:123456789012:alerts-dev"]) && a.ok_actions == toset(["arn:aws:sns:eu-west-2:123456789012:alerts-dev"])])
    error_message = "No alarm without an action: every alarm notifies the alerts topic on ALARM and OK."
  }
}

run "alerts_topic_is_encrypted_and_tls_only" {
  assert {
    condition     = aws_sns_topic.this.kms_master_key_id == aws_kms_key.alerts.arn && aws_kms_key.alerts.enable_key_rotation
    error_message = "The topic uses a CMK with rotation."
  }
  assert {
    condition     = anytrue([for s in output.settings.key_policy.Statement : s.Effect == "Allow" && contains(try(s.Principal.Service, []), "cloudwatch.amazonaws.com") && contains(s.Action, "kms:GenerateDataKey*")])
    error_message = "The key policy lets CloudWatch alarms publish to the encrypted topic."
  }
  assert {
    condition     = alltrue([for s in output.settings.key_policy.Statement : alltrue([for a in s.Action : a != "*" && a != "kms:*"])])
    error_message = "The key policy lists its actions."
  }
  assert {
    condition     = anytrue([for s in output.settings.topic_policy.Statement : s.Effect == "Deny" && try(s.Condition.Bool["aws:SecureTransport"], "") == "false"])
    error_message = "The topic policy denies publishing without TLS."
  }
  assert {
    condition     = one([for s in output.settings.topic_policy.Statement : s.Condition.ArnLike["aws:SourceArn"] if s.Sid == "AllowCloudWatchAlarmsToPublish"]) == "arn:aws:cloudwatch:eu-west-2:123456789012:alarm:moc-platform-dev-*"
    error_message = "Only this environment's alarms may publish."
  }
}

run "dashboards_cover_both_services" {
  assert {
    condition     = aws_cloudwatch_dashboard.image_service.dashboard_name == "moc-platform-dev-image-service" && length(jsondecode(aws_cloudwatch_dashboard.image_service.dashboard_body).widgets) == 8
    error_message = "Image service dashboard: Lambda, DynamoDB, S3, API (totals and per route) and CloudFront widgets."
  }
  assert {
    condition     = length(jsondecode(aws_cloudwatch_dashboard.processing.dashboard_body).widgets) == 15
    error_message = "Processing dashboard: Lambda, SQS, DynamoDB, API (totals and per route), five EMF (outcome counts and rates among them), active vs completed jobs and one cost widget."
  }
  assert {
    condition     = length(aws_cloudwatch_query_definition.job_timeline) == 1
    error_message = "Saved Logs Insights queries exist."
  }
}

run "rejects_zero_budget" {
  command = plan
  variables {
    monthly_budget_usd = 0
  }
  expect_failures = [var.monthly_budget_usd]
}

run "rejects_error_rate_over_100_percent" {
  command = plan
  variables {
    thresholds = { processing_error_rate_percent = 150 }
  }
  expect_failures = [var.thresholds]
}

run "rejects_bad_email" {
  command = plan
  variables {
    alert_email_addresses = ["on-call"]
  }
  expect_failures = [var.alert_email_addresses]
}

run "function_alarm_names_for_codedeploy" {
  assert {
    condition = (
      output.function_alarm_names["image-api"] == tolist(["moc-platform-dev-image-api-error-rate", "moc-platform-dev-image-api-p95-duration"])
      && output.function_alarm_names["job-api"] == tolist(["moc-platform-dev-job-api-error-rate"])
      && output.function_alarm_names["drawing-processor"] == tolist(["moc-platform-dev-drawing-processor-error-rate"])
      && output.function_alarm_names["dlq-handler"] == tolist(["moc-platform-dev-dlq-handler-error-rate"])
      && length(output.function_alarm_names) == 4
    )
    error_message = "Each function's error-rate alarm (and p95-duration alarm where one exists) is exposed by function key."
  }
}

run "canary_alarms_watch_the_released_version" {
  variables {
    canary_versions = {
      job-api     = { function_name = "job-api-dev", alias = "live", version = "7" }
      dlq-handler = { function_name = "dlq-handler-dev", alias = "live", version = "3" }
    }
  }

  assert {
    condition = alltrue(flatten([for q in aws_cloudwatch_metric_alarm.canary["job-api-canary-error-rate"].metric_query : [
      for m in q.metric : m.dimensions == tomap({ FunctionName = "job-api-dev", Resource = "job-api-dev:live", ExecutedVersion = "7" }) && m.period == 60 && m.stat == "Sum"
    ]])) && length(flatten([for q in aws_cloudwatch_metric_alarm.canary["job-api-canary-error-rate"].metric_query : q.metric])) == 2
    error_message = "The canary alarm counts only the released version's invocations through the alias (ExecutedVersion), per minute, never the function-wide metric that dilutes a 10 % canary."
  }
  assert {
    # A version failing every call it gets reads 100 % whatever its traffic share; the alarm must fire on it
    # within one minute, and a version with no invocations reads 0.
    condition = (
      one([for q in aws_cloudwatch_metric_alarm.canary["job-api-canary-error-rate"].metric_query : q.expression if q.return_data]) == "IF(invocations > 0, 100 * errors / invocations, 0)"
      && aws_cloudwatch_metric_alarm.canary["job-api-canary-error-rate"].threshold < 100
      && aws_cloudwatch_metric_alarm.canary["job-api-canary-error-rate"].comparison_operator == "GreaterThanThreshold"
      && aws_cloudwatch_metric_alarm.canary["job-api-canary-error-rate"].evaluation_periods == 1
      && aws_cloudwatch_metric_alarm.canary["job-api-canary-error-rate"].datapoints_to_alarm == 1
    )
    error_message = "A broken canary (100 % errors on the new version) breaches in one one-minute period."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.canary["job-api-canary-error-rate"].treat_missing_data == "notBreaching" && aws_cloudwatch_metric_alarm.canary["job-api-canary-error-rate"].alarm_actions == toset([aws_sns_topic.this.arn]) && aws_cloudwatch_metric_alarm.canary["job-api-canary-error-rate"].ok_actions == toset([aws_sns_topic.this.arn])
    error_message = "A minute without invocations of the version is not evidence of breakage (release.sh probes through the alias); the alarm notifies the alerts topic both ways."
  }
  assert {
    condition     = output.function_alarm_names["job-api"] == tolist(["moc-platform-dev-job-api-canary-error-rate", "moc-platform-dev-job-api-error-rate"]) && output.function_alarm_names["dlq-handler"] == tolist(["moc-platform-dev-dlq-handler-canary-error-rate", "moc-platform-dev-dlq-handler-error-rate"]) && output.function_alarm_names["drawing-processor"] == tolist(["moc-platform-dev-drawing-processor-error-rate"])
    error_message = "The deployment group of each released function watches its canary alarm too."
  }
}

run "enqueue_failures_alarm_on_the_first_one" {
  assert {
    condition = (
      aws_cloudwatch_metric_alarm.alarms["job-api-enqueue-failed"].threshold == 0
      && aws_cloudwatch_metric_alarm.alarms["job-api-enqueue-failed"].comparison_operator == "GreaterThanThreshold"
      && length([for q in aws_cloudwatch_metric_alarm.alarms["job-api-enqueue-failed"].metric_query : q if q.return_data && one(q.metric).namespace == "MocPlatform" && one(q.metric).metric_name == "EnqueueFailed" && one(q.metric).dimensions["function"] == "job-api-dev" && one(q.metric).stat == "Sum"]) == 1
      && contains(aws_cloudwatch_metric_alarm.alarms["job-api-enqueue-failed"].alarm_actions, aws_sns_topic.this.arn)
    )
    error_message = "job-api's EnqueueFailed EMF metric (dimension function = its Lambda name) alarms on the first failure and pages."
  }
}

run "dashboard_widgets_list_one_array_per_metric" {
  # CloudWatch wants "metrics" as an array of metric arrays; a flattened list of strings is an invalid body
  # that only PutDashboard would reject.
  assert {
    condition = alltrue(flatten([
      for d in [aws_cloudwatch_dashboard.image_service.dashboard_body, aws_cloudwatch_dashboard.processing.dashboard_body] : [
        for w in jsondecode(d).widgets : length(w.properties.metrics) > 0 && alltrue([for m in w.properties.metrics : can(length(m)) && !can(tostring(m))])
      ]
    ]))
    error_message = "Every widget has at least one metric and each metric is an array."
  }
  assert {
    condition = toset([for m in [for w in jsondecode(aws_cloudwatch_dashboard.processing.dashboard_body).widgets : w if w.properties.title == "Stage duration p95 by stage (ms)"][0].properties.metrics : join("/", m)]) == toset([
      "MocPlatform/StageDuration/function/drawing-processor-dev/stage/validation",
      "MocPlatform/StageDuration/function/drawing-processor-dev/stage/pdf_processing",
      "MocPlatform/StageDuration/function/drawing-processor-dev/stage/drawing_analysis",
      "MocPlatform/StageDuration/function/drawing-processor-dev/stage/result",
    ])
    error_message = "Stage durations are graphed per stage for this environment's processor only."
  }
  assert {
    condition     = contains([for w in jsondecode(aws_cloudwatch_dashboard.processing.dashboard_body).widgets : w.properties.title if contains([for m in w.properties.metrics : join("/", [for x in m : tostring(x) if can(tostring(x))])], "MocPlatform/EnqueueFailed/function/job-api-dev")], "Job outcomes, pages, enqueue failures")
    error_message = "job-api's enqueue failures are on the processing dashboard."
  }
  assert {
    # The processor writes JobOutcome with the dimensions function and outcome (DrawingJobConsumer); a series
    # without the outcome dimension would stay empty.
    condition = alltrue([for o in ["completed", "failed", "handed_on", "retry_later", "invalid"] : contains(
      [for m in one([for w in jsondecode(aws_cloudwatch_dashboard.processing.dashboard_body).widgets : w if w.properties.title == "Job outcomes, pages, enqueue failures"]).properties.metrics : join("/", [for x in m : tostring(x) if can(tostring(x))])],
      "MocPlatform/JobOutcome/function/drawing-processor-dev/outcome/${o}"
    )])
    error_message = "Job outcomes are charted per outcome, for this environment's processor."
  }
  assert {
    condition = [for m in one([for w in jsondecode(aws_cloudwatch_dashboard.processing.dashboard_body).widgets : w if w.properties.title == "Job success and failure rate (%)"]).properties.metrics : m[0].expression if can(m[0].expression)] == [
      "100 * completed0 / (completed0 + failed0)", "100 * failed0 / (completed0 + failed0)",
    ]
    error_message = "Success and failure rates are computed from the completed and failed outcome counts."
  }
  assert {
    condition     = strcontains(jsonencode(one([for w in jsondecode(aws_cloudwatch_dashboard.processing.dashboard_body).widgets : w if w.properties.title == "Requests per route"]).properties.metrics), "{AWS/ApiGateway,ApiId,Route,Stage}")
    error_message = "Per-route request counts (the stage's detailed metrics) are on the dashboard."
  }
}
