variable "function_name" {
  description = "Lambda function name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.function_name))
    error_message = "function_name must be 1-64 letters, digits, hyphens or underscores."
  }
}

variable "description" {
  description = "Function description."
  type        = string
  default     = ""
}

variable "package_type" {
  description = "Zip (Maven-built archive, SnapStart capable) or Image (container image from ECR)."
  type        = string
  default     = "Zip"

  validation {
    condition     = contains(["Zip", "Image"], var.package_type)
    error_message = "package_type must be Zip or Image."
  }
}

variable "handler" {
  description = "Handler class. Used as the handler for Zip and as the image command for Image."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z_$][A-Za-z0-9_$.]*(::[A-Za-z0-9_$]+)?$", var.handler))
    error_message = "handler must be a fully qualified Java class name, optionally followed by ::method."
  }
}

variable "runtime" {
  description = "Lambda runtime for Zip packages."
  type        = string
  default     = "java21"

  validation {
    condition     = contains(["java21"], var.runtime)
    error_message = "runtime must be java21 (the platform's only Java runtime)."
  }
}

variable "architecture" {
  description = "Instruction set architecture."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "memory_size" {
  description = "Memory in MB."
  type        = number
  default     = 1024

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 10240 && floor(var.memory_size) == var.memory_size
    error_message = "memory_size must be a whole number of MB between 128 and 10240."
  }
}

variable "timeout" {
  description = "Timeout in seconds."
  type        = number
  default     = 30

  validation {
    condition     = var.timeout >= 1 && var.timeout <= 900
    error_message = "timeout must be between 1 and 900 seconds."
  }
}

variable "code" {
  description = "Where the code comes from: filename (local zip), s3_bucket + s3_key (zip uploaded by CI), or image_uri (Image)."
  type = object({
    filename          = optional(string)
    s3_bucket         = optional(string)
    s3_key            = optional(string)
    s3_object_version = optional(string)
    source_code_hash  = optional(string)
    image_uri         = optional(string)
  })

  validation {
    condition = (
      var.package_type == "Image"
      ? var.code.image_uri != null && var.code.filename == null && var.code.s3_bucket == null
      : var.code.image_uri == null && ((var.code.filename != null) != (var.code.s3_bucket != null && var.code.s3_key != null))
    )
    error_message = "code must set image_uri for Image, or exactly one of filename or s3_bucket+s3_key for Zip."
  }

  validation {
    condition     = var.code.image_uri == null || can(regex("^[0-9]{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$", var.code.image_uri))
    error_message = "code.image_uri must be an ECR image URI with a tag or digest."
  }
}

variable "environment_variables" {
  description = "Environment variables. Never put secrets here: read them from SSM at run time."
  type        = map(string)
  default     = {}

  validation {
    condition     = !contains(keys(var.environment_variables), "JAVA_TOOL_OPTIONS")
    error_message = "Set JVM flags through jvm_options, not environment_variables.JAVA_TOOL_OPTIONS."
  }
}

variable "jvm_options" {
  description = "JVM options for the function, set as JAVA_TOOL_OPTIONS (e.g. \"-XX:+TieredCompilation -XX:TieredStopAtLevel=1\", which roughly halves a Java cold start); null sets none."
  type        = string
  default     = null

  validation {
    condition     = var.jvm_options == null || can(regex("^(-[A-Za-z][^\\s]*)( -[A-Za-z][^\\s]*)*$", var.jvm_options))
    error_message = "jvm_options must be JVM flags separated by single spaces, each starting with '-'."
  }
}

variable "kms_key_arn" {
  description = "Optional CMK for environment variable encryption (AWS-managed key when null)."
  type        = string
  default     = null
}

variable "snap_start" {
  description = "Enable SnapStart on published versions (Zip only; cannot be combined with provisioned concurrency)."
  type        = bool
  default     = true
}

variable "alias_name" {
  description = "Alias that always points at the latest published version; API Gateway and event source mappings target it."
  type        = string
  default     = "live"

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9_-]{0,127}$", var.alias_name))
    error_message = "alias_name must start with a letter and contain letters, digits, hyphens or underscores."
  }
}

variable "provisioned_concurrency" {
  description = "Provisioned concurrency on the alias; 0 turns it off."
  type        = number
  default     = 0

  validation {
    condition     = var.provisioned_concurrency >= 0 && floor(var.provisioned_concurrency) == var.provisioned_concurrency
    error_message = "provisioned_concurrency must be a whole number >= 0."
  }

  validation {
    condition     = !(var.provisioned_concurrency > 0 && var.snap_start && var.package_type == "Zip")
    error_message = "Lambda does not allow SnapStart together with provisioned concurrency: set snap_start = false when provisioned_concurrency > 0."
  }
}

variable "reserved_concurrency" {
  description = "Reserved concurrency; null leaves the function unreserved."
  type        = number
  default     = null

  validation {
    condition     = var.reserved_concurrency == null || try(var.reserved_concurrency >= 0, false)
    error_message = "reserved_concurrency must be null or >= 0."
  }
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention (dev 14, prod 90 or more)."
  type        = number
  default     = 14

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention period CloudWatch Logs accepts (e.g. 14, 30, 90, 365)."
  }
}

variable "log_kms_key_arn" {
  description = "Optional CMK for the log group."
  type        = string
  default     = null
}

variable "application_log_level" {
  description = "Application log level for the JSON log format."
  type        = string
  default     = "INFO"

  validation {
    condition     = contains(["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"], var.application_log_level)
    error_message = "application_log_level must be TRACE, DEBUG, INFO, WARN, ERROR or FATAL."
  }
}

variable "policy_statements" {
  description = "IAM statements for the function's own role (the module adds only its log group and X-Ray); a function with sqs_event_sources must be granted sqs:ReceiveMessage, sqs:DeleteMessage and sqs:GetQueueAttributes on those queues here."
  type = list(object({
    sid       = string
    actions   = list(string)
    resources = list(string)
    conditions = optional(list(object({
      test     = string
      variable = string
      values   = list(string)
    })), [])
  }))
  default = []

  validation {
    condition     = alltrue(flatten([for s in var.policy_statements : [for a in s.actions : a != "*" && !endswith(a, ":*")]]))
    error_message = "policy_statements must not use wildcard actions (\"*\" or \"service:*\"); list the actions."
  }

  validation {
    condition     = alltrue(flatten([for s in var.policy_statements : [for r in s.resources : r != "*" && startswith(r, "arn:")]]))
    error_message = "policy_statements resources must be exact ARNs (no \"*\")."
  }

  validation {
    condition     = length(distinct([for s in var.policy_statements : s.sid])) == length(var.policy_statements) && alltrue([for s in var.policy_statements : can(regex("^[A-Za-z0-9]+$", s.sid))])
    error_message = "policy_statements sids must be unique and alphanumeric."
  }
}

variable "sqs_event_sources" {
  description = "SQS queues that trigger the function (through the alias). policy_statements must grant the consume permissions."
  type = map(object({
    queue_arn                          = string
    batch_size                         = optional(number, 10)
    maximum_batching_window_in_seconds = optional(number, 0)
    maximum_concurrency                = optional(number)
    report_batch_item_failures         = optional(bool, true)
    enabled                            = optional(bool, true)
  }))
  default = {}

  validation {
    condition     = alltrue([for e in values(var.sqs_event_sources) : e.batch_size >= 1 && e.batch_size <= 10000])
    error_message = "sqs_event_sources batch_size must be between 1 and 10000."
  }

  validation {
    condition     = alltrue([for e in values(var.sqs_event_sources) : e.maximum_concurrency == null || try(e.maximum_concurrency >= 2 && e.maximum_concurrency <= 1000, false)])
    error_message = "sqs_event_sources maximum_concurrency must be null or between 2 and 1000."
  }
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}

variable "codedeploy" {
  description = "CodeDeploy application and deployment group for the alias (canary/linear shifts with alarm rollback). When enabled, Terraform creates the alias once and CodeDeploy moves it afterwards."
  type = object({
    enabled                = optional(bool, false)
    application_name       = optional(string)
    deployment_config_name = optional(string, "CodeDeployDefault.LambdaCanary10Percent5Minutes")
  })
  default  = {}
  nullable = false

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{1,100}$", var.codedeploy.deployment_config_name)) && (!startswith(var.codedeploy.deployment_config_name, "CodeDeployDefault.") || startswith(var.codedeploy.deployment_config_name, "CodeDeployDefault.Lambda"))
    error_message = "codedeploy.deployment_config_name must be a CodeDeployDefault.Lambda* configuration (e.g. CodeDeployDefault.LambdaCanary10Percent5Minutes) or the name of a custom Lambda deployment configuration."
  }

  validation {
    condition     = var.codedeploy.application_name == null || can(regex("^[A-Za-z0-9_.+-]{1,100}$", coalesce(var.codedeploy.application_name, "x")))
    error_message = "codedeploy.application_name must be 1-100 letters, digits or _ . + -."
  }
}

variable "codedeploy_alarm_names" {
  description = "CloudWatch alarms (the function's error-rate and duration alarms) that stop a deployment and roll it back. Kept apart from codedeploy so that enabling it does not depend on the alarms."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = length(var.codedeploy_alarm_names) <= 10
    error_message = "codedeploy_alarm_names: a deployment group takes at most 10 alarms."
  }

  validation {
    condition     = !var.codedeploy.enabled || length(var.codedeploy_alarm_names) > 0
    error_message = "codedeploy_alarm_names must name at least one alarm when codedeploy is enabled: a canary nobody watches cannot roll back."
  }
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary of the execution role and the CodeDeploy role (the deploy role may only create roles that carry it); null for none."
  type        = string
  default     = null

  validation {
    condition     = var.permissions_boundary_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:policy/.+$", coalesce(var.permissions_boundary_arn, "x")))
    error_message = "permissions_boundary_arn must be the ARN of a customer-managed IAM policy."
  }
}
