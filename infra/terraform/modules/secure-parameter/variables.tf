variable "name" {
  description = "Parameter name (contract: /moc-platform/{env}/gemini-api-key)."
  type        = string

  validation {
    condition     = can(regex("^/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$", var.name))
    error_message = "name must be a hierarchical SSM name starting with a slash, e.g. /moc-platform/dev/gemini-api-key."
  }
}

variable "description" {
  description = "Parameter description."
  type        = string
  default     = "Secret; the value is set outside Terraform."
}

variable "key_alias" {
  description = "Alias of the CMK that encrypts the parameter (without the alias/ prefix)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9/_-]+$", var.key_alias)) && !startswith(var.key_alias, "aws/")
    error_message = "key_alias must be letters, digits, / _ - and must not use the reserved aws/ prefix."
  }
}

variable "key_deletion_window_days" {
  description = "Waiting period before the CMK is deleted."
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
