variable "environment" {
  description = "dev, staging or prod."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of dev, staging or prod."
  }
}

variable "bucket_name_suffix" {
  description = "Optional suffix for bucket names (S3 names are global)."
  type        = string
  default     = ""
}

variable "artifacts" {
  description = "Where zip artifacts come from: an S3 bucket/prefix uploaded by CI (keys <prefix><module>/<module>-lambda.zip), or local Maven output (<local_root>/<module>/target/<module>-lambda.zip) when s3_bucket is null."
  type = object({
    s3_bucket     = optional(string)
    s3_key_prefix = optional(string, "")
    local_root    = optional(string)
  })
  default = {}

  validation {
    condition     = var.artifacts.s3_bucket != null || var.artifacts.local_root != null
    error_message = "artifacts needs s3_bucket (CI deploys) or local_root (the repository root with Maven-built zips)."
  }

  # Plan-time: without this a missing zip surfaces only at CreateFunction, after ~100 resources were created.
  validation {
    condition = var.artifacts.s3_bucket != null || length([
      for m in ["job-api", "image-api", "dlq-handler", "drawing-processor"] : m if !fileexists("${coalesce(var.artifacts.local_root, "/")}/${m}/target/${m}-lambda.zip")
    ]) == 0
    error_message = "Missing Lambda zip(s) under artifacts.local_root: ${join(", ", [for m in ["job-api", "image-api", "dlq-handler", "drawing-processor"] : "${coalesce(var.artifacts.local_root, "/")}/${m}/target/${m}-lambda.zip" if !fileexists("${coalesce(var.artifacts.local_root, "/")}/${m}/target/${m}-lambda.zip")])}. Build them with ./mvnw -B -DskipTests package at the repository root (or give artifacts.s3_bucket)."
  }

  validation {
    condition     = var.artifacts.s3_key_prefix == "" || endswith(var.artifacts.s3_key_prefix, "/")
    error_message = "artifacts.s3_key_prefix must be empty or end with a slash."
  }
}

variable "api_functions" {
  description = "Sizing of job-api and image-api."
  type = object({
    memory_size             = optional(number, 1024)
    timeout                 = optional(number, 20)
    provisioned_concurrency = optional(number, 0)
    # C1 only: the C2 compiler competes with start-up for the function's CPU share; measured in
    # docs/deployment.md ("Cold start"). Warm API work is I/O-bound, so C2's faster code is not missed.
    jvm_options = optional(string, "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")
  })
  default = {}

  validation {
    condition     = var.api_functions.timeout <= 29
    error_message = "api_functions.timeout must be at most 29 seconds (the HTTP API integration limit is 30 s)."
  }
}

variable "processor" {
  description = "drawing-processor: container image (tag pushed to the environment's ECR repository, or a full image_uri) or zip; sizing and concurrency."
  type = object({
    package_type        = optional(string, "Image")
    image_tag           = optional(string)
    image_uri           = optional(string)
    memory_size         = optional(number, 3008)
    timeout             = optional(number, 900)
    maximum_concurrency = optional(number, 5)
  })
  default = {}

  validation {
    condition     = contains(["Image", "Zip"], var.processor.package_type)
    error_message = "processor.package_type must be Image or Zip."
  }

  validation {
    condition     = var.processor.package_type == "Zip" || var.processor.image_tag != null || var.processor.image_uri != null
    error_message = "processor.image_tag (or image_uri) is required for the container image: push the image to ECR first (see README)."
  }

  validation {
    # The processor keeps a 60 s safety margin to save progress before it hands on, and Gemini's three attempts
    # need at least 66 s: below 180 s an invocation could never finish the analysis.
    condition     = var.processor.timeout >= 180 && var.processor.timeout <= 900
    error_message = "processor.timeout must be between 180 and 900 seconds: the 60 s safety margin and the analysis's minimum time must fit in one invocation."
  }

  validation {
    condition     = var.processor.image_tag == null || can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", coalesce(var.processor.image_tag, "x")))
    error_message = "processor.image_tag must be a valid Docker tag."
  }
}

variable "dlq_handler" {
  description = "Sizing of dlq-handler."
  type = object({
    memory_size = optional(number, 512)
    timeout     = optional(number, 60)
    jvm_options = optional(string, "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")
  })
  default = {}
}

variable "reconciler" {
  description = "Sizing of job-reconciler (a short scheduled run)."
  type = object({
    memory_size = optional(number, 512)
    timeout     = optional(number, 60)
    jvm_options = optional(string, "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")
  })
  default = {}
}

variable "analyzer" {
  description = "Drawing analyser: offline (PDF text layer, no network) or gemini."
  type        = string

  validation {
    condition     = contains(["offline", "gemini"], var.analyzer)
    error_message = "analyzer must be offline or gemini."
  }
}

variable "gemini_model" {
  description = "Gemini model id used when analyzer = gemini."
  type        = string
  default     = "gemini-2.5-flash"

  validation {
    condition     = can(regex("^gemini-[a-z0-9.-]+$", var.gemini_model))
    error_message = "gemini_model must be a Gemini model id such as gemini-2.5-flash."
  }
}

variable "cursor_key_version" {
  description = "Version of the generated cursor signing key; raising it writes a new key and invalidates the list cursors already handed out."
  type        = number
  default     = 1
  nullable    = false

  validation {
    condition     = var.cursor_key_version >= 1 && floor(var.cursor_key_version) == var.cursor_key_version
    error_message = "cursor_key_version must be a whole number of at least 1; raise it by one to rotate the key."
  }
}

variable "jwt" {
  description = "JWT issuer (https) and audiences of an existing identity provider for both HTTP APIs; null when user_pool.enabled creates one here."
  type = object({
    issuer   = string
    audience = list(string)
  })
  default = null

  validation {
    condition     = (var.jwt == null) == var.user_pool.enabled
    error_message = "Give exactly one identity provider for the APIs: jwt (issuer and audiences of an existing user pool) or user_pool = { enabled = true } (a pool and app client created with the stack), not both and not neither."
  }
}

variable "user_pool" {
  description = "enabled: create a Cognito user pool (<prefix>-users) and public app client and point both APIs' JWT authorizer at them, so the APIs can be called after the first apply. Off (default): jwt is used."
  type = object({
    enabled       = bool
    self_sign_up  = optional(bool, true)
    password_auth = optional(bool, true)
  })
  default  = { enabled = false }
  nullable = false
}

variable "dlq_runbook_url" {
  description = "Absolute https URL of docs/runbook.md that dead-letter alerts link into (each alert appends its section's #anchor); the deploy workflow passes the runbook at the deployed commit."
  type        = string

  validation {
    condition     = can(regex("^https://[A-Za-z0-9.-]+(:[0-9]+)?/[^?#[:space:]]*$", var.dlq_runbook_url))
    error_message = "dlq_runbook_url must be an absolute https:// URL without ?query or #fragment (each alert appends its section), e.g. https://github.com/<owner>/<repo>/blob/main/docs/runbook.md: a repository-relative link leads nowhere from an e-mail."
  }
}

variable "cors_allowed_origins" {
  description = "Browser origins of the site."
  type        = list(string)
  default     = ["https://lego-moc.com", "https://www.lego-moc.com"]
}

variable "api_throttling" {
  description = "Default route throttling of both APIs."
  type = object({
    burst_limit = optional(number, 100)
    rate_limit  = optional(number, 50)
  })
  default = {}
}

variable "image_api_domain" {
  description = "Optional custom domain of the image API (images-{stage}.lego-api.com); null when no certificate is available."
  type = object({
    domain_name     = string
    certificate_arn = string
    route53_zone_id = optional(string)
  })
  default = null
}

variable "cdn_domain" {
  description = "Optional CloudFront alias with an ACM certificate in us-east-1."
  type = object({
    aliases             = list(string)
    acm_certificate_arn = string
  })
  default = null
}

variable "log_retention_days" {
  description = "Retention of function and access logs (dev 14, prod 90+)."
  type        = number

  validation {
    condition     = var.log_retention_days >= 14 && (var.environment != "prod" || var.log_retention_days >= 90)
    error_message = "log_retention_days must be at least 14, and at least 90 in prod."
  }
}

variable "data_protection" {
  description = "PITR, deletion protection and retention of bucket contents on destroy."
  type = object({
    point_in_time_recovery = bool
    deletion_protection    = bool
    retain_data            = bool
  })

  validation {
    condition     = var.environment != "prod" || (var.data_protection.point_in_time_recovery && var.data_protection.deletion_protection && var.data_protection.retain_data)
    error_message = "prod requires point_in_time_recovery, deletion_protection and retain_data."
  }
}

variable "monitoring" {
  description = "Budget, anomaly alerting and alert subscribers."
  type = object({
    monthly_budget_usd          = number
    anomaly_alert_threshold_usd = optional(number, 20)
    create_cost_anomaly_monitor = optional(bool, true)
    alert_email_addresses       = optional(list(string), [])
  })
}

variable "tags" {
  description = "Extra tags (Project/Environment/ManagedBy come from the provider's default_tags)."
  type        = map(string)
  default     = {}
}

variable "canary" {
  description = "CodeDeploy release of every function's `live` alias (the zip functions and the processor): deployment configuration (canary or linear), rolled back by the function's alarms. Off: Terraform moves the aliases on apply."
  type = object({
    enabled                = optional(bool, true)
    deployment_config_name = optional(string, "CodeDeployDefault.LambdaCanary10Percent5Minutes")
  })
  default  = {}
  nullable = false
}
