variable "name" {
  description = "User pool name (the app client is <name>-app)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,120}$", var.name))
    error_message = "name must be 1-120 letters, digits, _ or -."
  }
}

variable "self_sign_up" {
  description = "Let users sign themselves up (the community site); false: only administrators create users."
  type        = bool
  default     = true
}

variable "password_auth" {
  description = "Allow USER_PASSWORD_AUTH on the app client (the deploy workflow's smoke-test and end-to-end users sign in with it)."
  type        = bool
  default     = true
}

variable "deletion_protection" {
  description = "Refuse to delete the pool (its users are data: on in prod)."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
