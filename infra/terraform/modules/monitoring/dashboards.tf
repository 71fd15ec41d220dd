locals {
  image_functions      = values(var.image_service.functions)
  processing_functions = values(var.processing.functions)

  image_widgets = concat(
    [
      { title = "Lambda invocations and errors", stat = "Sum", metrics = concat([], [for fn in local.image_functions : [["AWS/Lambda", "Invocations", "FunctionName", fn], ["AWS/Lambda", "Errors", "FunctionName", fn]]]...) },
      { title = "Lambda duration p95 (ms)", stat = "p95", metrics = [for fn in local.image_functions : ["AWS/Lambda", "Duration", "FunctionName", fn]] },
      { title = "DynamoDB consumed capacity", stat = "Sum", metrics = concat([], [for t in values(var.image_service.tables) : [["AWS/DynamoDB", "ConsumedReadCapacityUnits", "TableName", t], ["AWS/DynamoDB", "ConsumedWriteCapacityUnits", "TableName", t]]]...) },
      { title = "DynamoDB throttles", stat = "Sum", metrics = concat([], [for t in values(var.image_service.tables) : [["AWS/DynamoDB", "ReadThrottleEvents", "TableName", t], ["AWS/DynamoDB", "WriteThrottleEvents", "TableName", t]]]...) },
      { title = "S3 requests and errors", stat = "Sum", metrics = concat([], [for b in values(var.image_service.buckets) : [for m in ["GetRequests", "PutRequests", "4xxErrors", "5xxErrors"] : ["AWS/S3", m, "BucketName", b.name, "FilterId", b.filter_id]]]...) },
      { title = "API requests, 4xx and 5xx", stat = "Sum", metrics = concat([], [for api in values(var.image_service.apis) : [for m in ["Count", "4xx", "5xx"] : ["AWS/ApiGateway", m, "ApiId", api]]]...) },
      { title = "Requests per route", stat = "Sum", metrics = [for api in values(var.image_service.apis) : [{ expression = "SEARCH('{AWS/ApiGateway,ApiId,Route,Stage} ApiId=\"${api}\" MetricName=\"Count\"', 'Sum', 300)", id = "routes_${replace(api, "-", "_")}", label = "" }]] },
    ],
    [for id in values(var.image_service.distributions) : { title = "CloudFront requests and cache hit rate", stat = "Average", region = "us-east-1", metrics = [["AWS/CloudFront", "Requests", "DistributionId", id, "Region", "Global", { stat = "Sum" }], ["AWS/CloudFront", "CacheHitRate", "DistributionId", id, "Region", "Global"]] }],
  )

  # Wire names of the job stages (shared-model JobStage), the values of StageDuration's `stage` dimension.
  job_stages = ["validation", "pdf_processing", "drawing_analysis", "result"]
  # Labels of the processor's Outcome types, the values of JobOutcome's `outcome` dimension.
  job_outcomes = ["completed", "failed", "cancelled", "skipped", "handed_on", "retry_later", "invalid"]
  emf = {
    processor   = [for k, fn in var.processing.functions : fn if k == "drawing-processor"]
    dlq_handler = [for k, fn in var.processing.functions : fn if k == "dlq-handler"]
    job_intake  = values(var.processing.job_intake_functions)
  }

  processing_widgets = [
    { title = "Lambda invocations and errors", stat = "Sum", metrics = concat([], [for fn in local.processing_functions : [["AWS/Lambda", "Invocations", "FunctionName", fn], ["AWS/Lambda", "Errors", "FunctionName", fn]]]...) },
    { title = "Processing time p50 / p90 / p99 (ms)", stat = "p50", metrics = concat([], [for fn in local.processing_functions : [for p in ["p50", "p90", "p99"] : ["AWS/Lambda", "Duration", "FunctionName", fn, { stat = p }]]]...) },
    { title = "Queue depth", stat = "Maximum", metrics = concat([], [for q in concat(values(var.processing.queues), values(var.processing.dead_letter_queues)) : [["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", q], ["AWS/SQS", "ApproximateNumberOfMessagesNotVisible", "QueueName", q]]]...) },
    { title = "Oldest message age (s)", stat = "Maximum", metrics = [for q in values(var.processing.queues) : ["AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", q]] },
    { title = "DynamoDB consumed capacity", stat = "Sum", metrics = concat([], [for t in values(var.processing.tables) : [["AWS/DynamoDB", "ConsumedReadCapacityUnits", "TableName", t], ["AWS/DynamoDB", "ConsumedWriteCapacityUnits", "TableName", t]]]...) },
    { title = "API requests by status", stat = "Sum", metrics = concat([], [for api in values(var.processing.apis) : [for m in ["Count", "4xx", "5xx"] : ["AWS/ApiGateway", m, "ApiId", api]]]...) },
    { title = "API latency p90 (ms)", stat = "p90", metrics = [for api in values(var.processing.apis) : ["AWS/ApiGateway", "Latency", "ApiId", api]] },
    # The functions' own EMF metrics, by this environment's function names (the `function` dimension is the
    # Lambda function's name), so one account's other environments never show up here.
    { title = "Stage duration p95 by stage (ms)", stat = "p95", metrics = concat([], [for fn in local.emf.processor : [for stage in local.job_stages : [var.custom_metrics_namespace, "StageDuration", "function", fn, "stage", stage]]]...) },
    { title = "Job outcomes, pages, enqueue failures", stat = "Sum", metrics = concat(concat([], [for fn in local.emf.processor : concat([for o in local.job_outcomes : [var.custom_metrics_namespace, "JobOutcome", "function", fn, "outcome", o]], [[var.custom_metrics_namespace, "Pages", "function", fn, "outcome", "completed"]])]...), [for fn in local.emf.job_intake : [var.custom_metrics_namespace, "EnqueueFailed", "function", fn]]) },
    {
      # Of the deliveries that ended a job, the share that completed and the share that failed.
      title = "Job success and failure rate (%)", stat = "Sum", metrics = concat(concat([], [for i, fn in local.emf.processor : [
        [var.custom_metrics_namespace, "JobOutcome", "function", fn, "outcome", "completed", { id = "completed${i}", visible = false }],
        [var.custom_metrics_namespace, "JobOutcome", "function", fn, "outcome", "failed", { id = "failed${i}", visible = false }],
        ]]...), concat([], [for i, fn in local.emf.processor : [
        [{ expression = "100 * completed${i} / (completed${i} + failed${i})", label = "success %", id = "success${i}" }],
        [{ expression = "100 * failed${i} / (completed${i} + failed${i})", label = "failure %", id = "failure${i}" }],
      ]]...))
    },
    {
      # Queued or being processed (the queue's waiting plus in-flight messages) against jobs finished per period.
      title = "Active vs completed jobs", stat = "Maximum", metrics = concat(
        concat([], [for q in values(var.processing.queues) : [["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", q, { label = "waiting" }], ["AWS/SQS", "ApproximateNumberOfMessagesNotVisible", "QueueName", q, { label = "in progress" }]]]...),
        [for fn in local.emf.processor : [var.custom_metrics_namespace, "JobOutcome", "function", fn, "outcome", "completed", { stat = "Sum", label = "completed" }]],
      )
    },
    { title = "Requests per route", stat = "Sum", metrics = [for api in values(var.processing.apis) : [{ expression = "SEARCH('{AWS/ApiGateway,ApiId,Route,Stage} ApiId=\"${api}\" MetricName=\"Count\"', 'Sum', 300)", id = "routes_${replace(api, "-", "_")}", label = "" }]] },
    { title = "Model tokens and estimated cost (USD)", stat = "Sum", metrics = concat([], [for fn in local.emf.processor : [for m in ["InputTokens", "OutputTokens", "EstimatedCost"] : [var.custom_metrics_namespace, m, "function", fn]]]...) },
    { title = "Dead letters and alerts", stat = "Sum", metrics = concat([], [for fn in local.emf.dlq_handler : [for m in ["DeadLetterMessages", "AlertsSent", "AlertsSuppressed", "AlertFailures"] : [var.custom_metrics_namespace, m, "function", fn]]]...) },
    { title = "Estimated charges by service (USD)", stat = "Maximum", region = "us-east-1", metrics = [[{ expression = "SEARCH('{AWS/Billing,Currency,ServiceName} MetricName=\"EstimatedCharges\"', 'Maximum', 21600)", id = "cost", label = "" }]] },
  ]

  # 2 widgets per row, 12 columns wide each.
  image_dashboard = {
    widgets = [
      for i, w in local.image_widgets : {
        type       = "metric", x = (i % 2) * 12, y = floor(i / 2) * 6, width = 12, height = 6
        properties = { title = w.title, region = lookup(w, "region", local.region), stat = w.stat, period = 300, view = "timeSeries", metrics = w.metrics }
      }
    ]
  }

  processing_dashboard = {
    widgets = [
      for i, w in local.processing_widgets : {
        type       = "metric", x = (i % 2) * 12, y = floor(i / 2) * 6, width = 12, height = 6
        properties = { title = w.title, region = lookup(w, "region", local.region), stat = w.stat, period = 300, view = "timeSeries", metrics = w.metrics }
      }
    ]
  }
}

resource "aws_cloudwatch_dashboard" "image_service" {
  dashboard_name = "${var.name_prefix}-image-service"
  dashboard_body = jsonencode(local.image_dashboard)
}

resource "aws_cloudwatch_dashboard" "processing" {
  dashboard_name = "${var.name_prefix}-processing"
  dashboard_body = jsonencode(local.processing_dashboard)
}
