variable "name" {
  description = "Repository name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]+([._/-][a-z0-9]+)*$", var.name)) && length(var.name) <= 256
    error_message = "name must be lowercase letters, digits and . _ - / separators."
  }
}

variable "keep_tagged_images" {
  description = "How many tagged images to keep (rollback window)."
  type        = number
  default     = 30

  validation {
    condition     = var.keep_tagged_images >= 1 && var.keep_tagged_images <= 1000
    error_message = "keep_tagged_images must be between 1 and 1000."
  }
}

variable "untagged_expiry_days" {
  description = "Days before untagged images are removed."
  type        = number
  default     = 7

  validation {
    condition     = var.untagged_expiry_days >= 1
    error_message = "untagged_expiry_days must be at least 1."
  }
}

variable "kms_key_arn" {
  description = "Optional CMK; null uses AES256."
  type        = string
  default     = null
}

variable "lambda_function_names" {
  description = "Functions (in this account and region) allowed to pull images; Lambda pulls through the repository policy."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for n in var.lambda_function_names : can(regex("^[A-Za-z0-9_-]{1,64}$", n))])
    error_message = "lambda_function_names must be plain function names (no ARNs, no wildcards)."
  }
}

variable "force_delete" {
  description = "Allow deleting the repository with images in it (dev only)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
