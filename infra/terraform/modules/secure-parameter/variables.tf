variable "name" {
  description = "Parameter name (a contract pattern such as /moc-platform/{env}/gemini-api-key)."
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

variable "generated" {
  description = "enabled: Terraform generates the value (64 hex characters, 256 random bits) during apply and writes it through the write-only value_wo, so it is in neither plan nor state; raising version writes a new value (rotation). Disabled (default): operator-managed; Terraform creates only the CMK and grants readers, and the operator creates the parameter (output put_parameter_command), so its value never passes through plan or state."
  type = object({
    enabled = bool
    version = optional(number, 1)
  })
  default  = { enabled = false }
  nullable = false

  validation {
    condition     = var.generated.version >= 1 && floor(var.generated.version) == var.generated.version
    error_message = "generated.version must be a whole number of at least 1; raise it by one to rotate the value."
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
