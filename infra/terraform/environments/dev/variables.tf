variable "aws_region" {
  description = "Region of the stack."
  type        = string
  default     = "eu-west-2"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.aws_region))
    error_message = "aws_region must be a region name such as eu-west-2."
  }
}

variable "bucket_name_suffix" {
  description = "Optional suffix for bucket names (S3 names are global)."
  type        = string
  default     = ""
}

variable "artifacts_bucket" {
  description = "Bucket CI uploads the Lambda zips to; null uses the local Maven output (<module>/target/<module>-lambda.zip)."
  type        = string
  default     = null
}

variable "artifacts_key_prefix" {
  description = "Key prefix of the zips in artifacts_bucket, e.g. builds/<git sha>/ (a new prefix per build makes Lambda pick up new code)."
  type        = string
  default     = ""
}

variable "processor_package_type" {
  description = "Image (default, from ECR) or Zip."
  type        = string
  default     = "Image"
}

variable "processor_image_tag" {
  description = "Tag of the processor image in this environment's ECR repository (immutable tags: CI passes the git sha)."
  type        = string
  default     = null

  validation {
    condition     = var.processor_package_type == "Zip" || var.processor_image_tag != null
    error_message = "processor_image_tag is required (push the image to ECR first; see README). Use processor_package_type = \"Zip\" to deploy the zip instead."
  }
}

variable "processor_memory_size" {
  description = "Processor memory in MB (3008 in prod)."
  type        = number
  default     = 3008
}

variable "processor_maximum_concurrency" {
  description = "Upper bound of concurrent processor invocations from the queue (protects the Gemini quota)."
  type        = number
  default     = 5
}

variable "api_memory_size" {
  description = "Memory of job-api and image-api in MB."
  type        = number
  default     = 1024
}

variable "api_provisioned_concurrency" {
  description = "Provisioned concurrency of each API function (0 = off; when on, SnapStart is off for them)."
  type        = number
  default     = 0
}

variable "analyzer" {
  description = "offline or gemini."
  type        = string

  validation {
    condition     = contains(["offline", "gemini"], var.analyzer)
    error_message = "analyzer must be offline or gemini."
  }
}

variable "gemini_model" {
  description = "Gemini model id."
  type        = string
  default     = "gemini-2.5-flash"
}

variable "jwt_issuer" {
  description = "JWT issuer URL (e.g. https://cognito-idp.<region>.amazonaws.com/<user pool id>)."
  type        = string

  validation {
    condition     = startswith(var.jwt_issuer, "https://")
    error_message = "jwt_issuer must be an https URL."
  }
}

variable "jwt_audience" {
  description = "Accepted JWT audiences (app client ids)."
  type        = list(string)
}

variable "api_throttling" {
  description = "Default route throttling."
  type = object({
    burst_limit = optional(number, 100)
    rate_limit  = optional(number, 50)
  })
  default = {}
}

variable "log_retention_days" {
  description = "Log retention (dev 14, prod 90+)."
  type        = number

  validation {
    condition     = var.log_retention_days >= 14 && (local.environment != "prod" || var.log_retention_days >= 90)
    error_message = "log_retention_days must be at least 14, and at least 90 in prod."
  }
}

variable "point_in_time_recovery" {
  description = "DynamoDB PITR. Required in prod."
  type        = bool

  validation {
    condition     = local.environment != "prod" || var.point_in_time_recovery
    error_message = "point_in_time_recovery must be true in prod."
  }
}

variable "deletion_protection" {
  description = "DynamoDB deletion protection. Required in prod."
  type        = bool

  validation {
    condition     = local.environment != "prod" || var.deletion_protection
    error_message = "deletion_protection must be true in prod."
  }
}

variable "retain_data" {
  description = "Keep bucket contents and ECR images on destroy. Required in prod."
  type        = bool

  validation {
    condition     = local.environment != "prod" || var.retain_data
    error_message = "retain_data must be true in prod."
  }
}

variable "image_api_certificate_arn" {
  description = "Regional ACM certificate for the image API's custom domain; null leaves the domain off."
  type        = string
  default     = null
}

variable "route53_zone_id" {
  description = "Hosted zone of lego-api.com for the alias record; null when DNS is managed elsewhere."
  type        = string
  default     = null
}

variable "monthly_budget_usd" {
  description = "Monthly budget; a forecast above it alerts."
  type        = number
}

variable "alert_email_addresses" {
  description = "E-mail subscribers of the alerts topic."
  type        = list(string)
  default     = []
}
