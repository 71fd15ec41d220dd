variable "table_name" {
  description = "Image metadata table name (contract: ImageMetadata-{env})."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{3,255}$", var.table_name))
    error_message = "table_name must be 3-255 letters, digits, underscores, hyphens or dots."
  }
}

variable "user_index_name" {
  description = "GSI over GSI1PK/GSI1SK (images by user)."
  type        = string
  default     = "UserIndex"
}

variable "album_index_name" {
  description = "GSI over GSI2PK/GSI2SK (images by album, sparse)."
  type        = string
  default     = "AlbumIndex"
}

variable "bucket_name" {
  description = "Image bucket name (contract: images-lego-moc-{env}, plus an optional suffix)."
  type        = string
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
  description = "Keep the bucket's objects when the stack is destroyed (prod). False lets dev be torn down."
  type        = bool
  default     = true
}

variable "versioning_enabled" {
  description = "Bucket versioning with noncurrent expiry; protects against accidental overwrite/delete (see README)."
  type        = bool
  default     = true
}

variable "noncurrent_version_expiration_days" {
  description = "Days to keep overwritten or deleted image versions."
  type        = number
  default     = 30
}

variable "intelligent_tiering_days" {
  description = "Days before objects move to Intelligent-Tiering (0: immediately)."
  type        = number
  default     = 0

  validation {
    condition     = var.intelligent_tiering_days >= 0
    error_message = "intelligent_tiering_days must be >= 0."
  }
}

variable "cors_allowed_origins" {
  description = "Origins allowed to upload with presigned requests."
  type        = list(string)
  default     = ["https://lego-moc.com", "https://www.lego-moc.com"]

  validation {
    condition     = length(var.cors_allowed_origins) > 0 && alltrue([for o in var.cors_allowed_origins : startswith(o, "https://") && o != "https://*"])
    error_message = "cors_allowed_origins must be a non-empty list of explicit https origins."
  }
}

variable "bucket_policy_statements" {
  description = "Extra bucket policy statements, e.g. the CloudFront OAC read statement from the cdn module."
  type = list(object({
    sid        = string
    effect     = optional(string, "Allow")
    principals = object({ type = string, identifiers = list(string) })
    actions    = list(string)
    resources  = list(string)
    conditions = optional(list(object({ test = string, variable = string, values = list(string) })), [])
  }))
  default = []
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
