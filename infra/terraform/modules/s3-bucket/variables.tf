variable "bucket_name" {
  description = "Globally unique bucket name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name)) && !can(regex("\\.\\.|^\\d+\\.\\d+\\.\\d+\\.\\d+$", var.bucket_name))
    error_message = "bucket_name must be 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit."
  }
}

variable "force_destroy" {
  description = "Allow destroying a non-empty bucket (dev only; keep false where data must be retained)."
  type        = bool
  default     = false
}

variable "kms_key_arn" {
  description = "Optional CMK for SSE-KMS; null uses SSE-S3 (AES256)."
  type        = string
  default     = null
}

variable "versioning_enabled" {
  description = "Keep object versions (deleted or overwritten objects stay recoverable until noncurrent expiry)."
  type        = bool
  default     = true
}

variable "noncurrent_version_expiration_days" {
  description = "Days after which noncurrent versions are deleted."
  type        = number
  default     = 30

  validation {
    condition     = var.noncurrent_version_expiration_days >= 1
    error_message = "noncurrent_version_expiration_days must be at least 1."
  }
}

variable "abort_incomplete_multipart_upload_days" {
  description = "Days after which incomplete multipart uploads are aborted."
  type        = number
  default     = 1

  validation {
    condition     = var.abort_incomplete_multipart_upload_days >= 1 && var.abort_incomplete_multipart_upload_days <= 7
    error_message = "abort_incomplete_multipart_upload_days must be between 1 and 7."
  }
}

variable "lifecycle_rules" {
  description = "Extra lifecycle rules: move to Intelligent-Tiering and/or expire objects under a prefix."
  type = list(object({
    id                       = string
    prefix                   = optional(string, "")
    intelligent_tiering_days = optional(number)
    expiration_days          = optional(number)
  }))
  default = []

  validation {
    condition     = alltrue([for r in var.lifecycle_rules : r.intelligent_tiering_days != null || r.expiration_days != null])
    error_message = "Each lifecycle rule needs intelligent_tiering_days or expiration_days."
  }

  validation {
    condition     = alltrue([for r in var.lifecycle_rules : try(r.intelligent_tiering_days >= 0, true) && try(r.expiration_days >= 1, true)])
    error_message = "intelligent_tiering_days must be >= 0 and expiration_days >= 1."
  }
}

variable "cors_rules" {
  description = "CORS rules for browser uploads with presigned requests; origins limited to the site's https origins."
  type = list(object({
    allowed_methods = list(string)
    allowed_origins = list(string)
    allowed_headers = optional(list(string), ["*"])
    expose_headers  = optional(list(string), ["ETag"])
    max_age_seconds = optional(number, 3000)
  }))
  default = []

  validation {
    condition     = alltrue(flatten([for r in var.cors_rules : [for o in r.allowed_origins : startswith(o, "https://") && o != "https://*"]]))
    error_message = "cors_rules allowed_origins must be explicit https origins (no \"*\")."
  }

  validation {
    condition     = alltrue(flatten([for r in var.cors_rules : [for m in r.allowed_methods : contains(["GET", "PUT", "POST", "DELETE", "HEAD"], m)]]))
    error_message = "cors_rules allowed_methods must be among GET, PUT, POST, DELETE, HEAD."
  }
}

variable "policy_statements" {
  description = "Extra bucket policy statements (e.g. CloudFront OAC read); the TLS-only deny is always added."
  type = list(object({
    sid        = string
    effect     = optional(string, "Allow")
    principals = object({ type = string, identifiers = list(string) })
    actions    = list(string)
    resources  = list(string)
    conditions = optional(list(object({
      test     = string
      variable = string
      values   = list(string)
    })), [])
  }))
  default = []

  validation {
    condition     = alltrue([for s in var.policy_statements : s.principals.type != "*" && !contains(s.principals.identifiers, "*") || s.effect == "Deny"])
    error_message = "policy_statements must not allow anonymous (\"*\") principals."
  }

  validation {
    condition     = alltrue(flatten([for s in var.policy_statements : [for a in s.actions : a != "*" && a != "s3:*"] if s.effect == "Allow"]))
    error_message = "policy_statements must not allow wildcard actions."
  }
}

variable "request_metrics_enabled" {
  description = "Publish S3 request metrics (4xx/5xx) for the whole bucket under the filter id EntireBucket."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
