variable "name_prefix" {
  description = "Prefix for alarm, dashboard, key and budget names (e.g. moc-platform-dev)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9-]{3,40}$", var.name_prefix))
    error_message = "name_prefix must be 3-40 lowercase letters, digits or hyphens."
  }
}

variable "alerts_topic_name" {
  description = "SNS alerts topic name (contract: alerts-{env})."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,256}$", var.alerts_topic_name))
    error_message = "alerts_topic_name must be letters, digits, hyphens or underscores."
  }
}

variable "image_service" {
  description = "Image service resources to watch (static keys, values may be unknown until apply)."
  type = object({
    functions = optional(map(string), {})
    apis      = optional(map(string), {})
    tables    = optional(map(string), {})
    buckets = optional(map(object({
      name      = string
      filter_id = string
    })), {})
    distributions = optional(map(string), {})
  })
  default = {}
}

variable "processing" {
  description = "Drawing processing resources to watch (static keys, values may be unknown until apply)."
  type = object({
    functions          = optional(map(string), {})
    apis               = optional(map(string), {})
    tables             = optional(map(string), {})
    queues             = optional(map(string), {})
    dead_letter_queues = optional(map(string), {})
    # Functions that accept jobs and emit the EnqueueFailed EMF metric (job rows whose message was not sent).
    job_intake_functions = optional(map(string), {})
    # Functions that find forgotten jobs and emit the JobsRequeued EMF metric (messages that had been lost).
    reconciler_functions = optional(map(string), {})
  })
  default = {}
}

variable "thresholds" {
  description = "Alarm thresholds; defaults are the required alarm levels (see docs/runbook.md)."
  type = object({
    image_error_rate_percent      = optional(number, 1)
    image_p95_duration_ms         = optional(number, 1000)
    dynamodb_throttled_requests   = optional(number, 0)
    s3_5xx_per_hour               = optional(number, 5)
    api_5xx_per_hour              = optional(number, 10)
    processing_error_rate_percent = optional(number, 10)
    queue_max_age_seconds         = optional(number, 1200)
    dlq_depth                     = optional(number, 5)
    canary_error_rate_percent     = optional(number, 10)
  })
  default = {}

  validation {
    condition     = alltrue([for t in [var.thresholds.image_error_rate_percent, var.thresholds.processing_error_rate_percent, var.thresholds.canary_error_rate_percent] : t > 0 && t <= 100])
    error_message = "Error rate thresholds are percentages between 0 (exclusive) and 100."
  }

  validation {
    condition     = var.thresholds.queue_max_age_seconds >= 60 && var.thresholds.image_p95_duration_ms > 0 && var.thresholds.dlq_depth >= 0 && var.thresholds.s3_5xx_per_hour >= 0 && var.thresholds.api_5xx_per_hour >= 0 && var.thresholds.dynamodb_throttled_requests >= 0
    error_message = "Thresholds must be non-negative, queue_max_age_seconds at least 60 and image_p95_duration_ms positive."
  }
}

variable "monthly_budget_usd" {
  description = "Monthly cost budget in USD; a forecast above it alerts."
  type        = number

  validation {
    condition     = var.monthly_budget_usd > 0
    error_message = "monthly_budget_usd must be greater than 0."
  }
}

variable "budget_forecast_threshold_percent" {
  description = "Alert when the month's forecast exceeds this share of the budget."
  type        = number
  default     = 100

  validation {
    condition     = var.budget_forecast_threshold_percent > 0 && var.budget_forecast_threshold_percent <= 1000
    error_message = "budget_forecast_threshold_percent must be between 0 (exclusive) and 1000."
  }
}

variable "cost_allocation_tag" {
  description = "Cost allocation tag (activated in Billing) that scopes the budget and the anomaly monitor to this environment."
  type = object({
    key   = string
    value = string
  })
}

variable "anomaly_alert_threshold_usd" {
  description = "Alert on cost anomalies whose total impact reaches this many USD."
  type        = number
  default     = 20

  validation {
    condition     = var.anomaly_alert_threshold_usd > 0
    error_message = "anomaly_alert_threshold_usd must be greater than 0."
  }
}

variable "create_cost_anomaly_monitor" {
  description = "Create the cost anomaly monitor and subscription."
  type        = bool
  default     = true
}

variable "alert_email_addresses" {
  description = "E-mail subscribers of the alerts topic (each must confirm)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for e in var.alert_email_addresses : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "alert_email_addresses must be e-mail addresses."
  }
}

variable "log_group_names" {
  description = "Function log groups for the saved Logs Insights queries."
  type        = list(string)
  default     = []
}

variable "custom_metrics_namespace" {
  description = "CloudWatch namespace of the functions' EMF metrics (stage duration, tokens, cost, outcomes)."
  type        = string
  default     = "MocPlatform"
}

variable "key_deletion_window_days" {
  description = "Waiting period before the alerts CMK is deleted."
  type        = number
  default     = 30

  validation {
    condition     = var.key_deletion_window_days >= 7 && var.key_deletion_window_days <= 30
    error_message = "key_deletion_window_days must be between 7 and 30."
  }
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}

variable "canary_versions" {
  description = "Per function key: the function, the alias CodeDeploy shifts and the version being released. Each gets an error-rate alarm on that version's own invocations through the alias (dimensions FunctionName, Resource = <function>:<alias>, ExecutedVersion), which its deployment group watches."
  type = map(object({
    function_name = string
    alias         = string
    version       = string
  }))
  default  = {}
  nullable = false
}
