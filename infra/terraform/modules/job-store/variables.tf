variable "table_name" {
  description = "Jobs table name (contract: Jobs-{env})."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{3,255}$", var.table_name))
    error_message = "table_name must be 3-255 letters, digits, underscores, hyphens or dots."
  }
}

variable "owner_index_name" {
  description = "GSI over owner + created_at (a user's jobs, newest first)."
  type        = string
  default     = "OwnerIndex"
}

variable "status_index_name" {
  description = "GSI over status + updated_at (jobs left queued or processing, for the reconciler)."
  type        = string
  default     = "StatusIndex"
}

variable "bucket_name" {
  description = "Drawings bucket name (contract: drawings-lego-moc-{env}, plus an optional suffix)."
  type        = string
}

variable "drawings_prefix" {
  description = "Key prefix of uploaded drawings."
  type        = string
  default     = "drawings/"

  validation {
    condition     = can(regex("^[a-z0-9-]+/$", var.drawings_prefix))
    error_message = "drawings_prefix must be a lowercase path segment ending with a slash."
  }
}

variable "results_prefix" {
  description = "Key prefix of processing results."
  type        = string
  default     = "results/"

  validation {
    condition     = can(regex("^[a-z0-9-]+/$", var.results_prefix))
    error_message = "results_prefix must be a lowercase path segment ending with a slash."
  }
}

variable "work_files_prefix" {
  description = "Key prefix of the processor's per-job work files (extracted pages, analysis)."
  type        = string
  default     = "jobs/"

  validation {
    condition     = can(regex("^[a-z0-9-]+/$", var.work_files_prefix))
    error_message = "work_files_prefix must be a lowercase path segment ending with a slash."
  }
}

variable "work_file_expiration_days" {
  description = "Days after which the processor's work files are deleted. They serve only a job's own processing (a retry starts again from the drawing), so they need not outlive the longest run and its DLQ investigation."
  type        = number
  default     = 7

  validation {
    condition     = var.work_file_expiration_days >= 1 && var.work_file_expiration_days <= 3650
    error_message = "work_file_expiration_days must be between 1 and 3650."
  }
}

variable "object_expiration_days" {
  description = "Days after which drawings and results are deleted (30, matching the jobs' TTL)."
  type        = number
  default     = 30

  validation {
    condition     = var.object_expiration_days >= 1 && var.object_expiration_days <= 3650
    error_message = "object_expiration_days must be between 1 and 3650."
  }
}

variable "intelligent_tiering_days" {
  description = "Days before objects move to Intelligent-Tiering."
  type        = number
  default     = 0

  validation {
    condition     = var.intelligent_tiering_days >= 0
    error_message = "intelligent_tiering_days must be >= 0."
  }
}

variable "point_in_time_recovery" {
  description = "Enable DynamoDB point-in-time recovery (required in prod)."
  type        = bool
  default     = true
}

variable "deletion_protection" {
  description = "Protect the table from deletion (prod)."
  type        = bool
  default     = true
}

variable "retain_data" {
  description = "Keep the bucket's objects when the stack is destroyed."
  type        = bool
  default     = true
}

variable "cors_allowed_origins" {
  description = "Origins allowed to upload drawings with presigned requests."
  type        = list(string)
  default     = ["https://lego-moc.com", "https://www.lego-moc.com"]

  validation {
    condition     = length(var.cors_allowed_origins) > 0 && alltrue([for o in var.cors_allowed_origins : startswith(o, "https://") && o != "https://*"])
    error_message = "cors_allowed_origins must be a non-empty list of explicit https origins."
  }
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
