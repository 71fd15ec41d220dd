variable "name" {
  description = "API name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,128}$", var.name))
    error_message = "name must be 1-128 letters, digits, hyphens or underscores."
  }
}

variable "description" {
  description = "API description."
  type        = string
  default     = ""
}

variable "integrations" {
  description = "Lambda targets by key: function name, the alias to invoke and the alias's qualified ARN."
  type = map(object({
    function_name = string
    qualifier     = string
    alias_arn     = string
    timeout_ms    = optional(number, 29000)
  }))

  validation {
    condition     = length(var.integrations) > 0 && alltrue([for i in values(var.integrations) : i.timeout_ms >= 50 && i.timeout_ms <= 30000])
    error_message = "integrations must not be empty and timeout_ms must be between 50 and 30000."
  }
}

variable "routes" {
  description = "Route key (\"METHOD /path\") to integration key. Every route gets the JWT authorizer."
  type        = map(string)

  validation {
    condition     = length(var.routes) > 0 && alltrue([for k in keys(var.routes) : can(regex("^(GET|POST|PUT|PATCH|DELETE|HEAD) /[A-Za-z0-9_./{}+-]*$", k))])
    error_message = "routes keys must look like \"GET /images/{imageId}\" (no $default, no OPTIONS: CORS preflight is answered by API Gateway)."
  }
}

variable "jwt" {
  description = "JWT authorizer: issuer URL (e.g. the Cognito user pool) and accepted audiences (client ids)."
  type = object({
    issuer          = string
    audience        = list(string)
    identity_source = optional(string, "$request.header.Authorization")
  })

  validation {
    condition     = startswith(var.jwt.issuer, "https://") && length(var.jwt.audience) > 0
    error_message = "jwt.issuer must be an https URL and jwt.audience must list at least one audience."
  }
}

variable "cors" {
  description = "CORS answered by API Gateway (the functions must not add CORS headers themselves)."
  type = object({
    allow_origins  = optional(list(string), ["https://lego-moc.com", "https://www.lego-moc.com"])
    allow_methods  = optional(list(string), ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
    allow_headers  = optional(list(string), ["Content-Type", "Authorization"])
    expose_headers = optional(list(string), [])
    max_age        = optional(number, 3600)
  })
  default = {}

  validation {
    # HTTP APIs take exact origins, "*", "https://*" or "http://*", not subdomain patterns such as
    # https://*.lego-moc.com: list every site origin (scheme, host, optional port; no path).
    condition     = length(var.cors.allow_origins) > 0 && alltrue([for o in var.cors.allow_origins : can(regex("^https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:[0-9]{1,5})?$", o))])
    error_message = "cors.allow_origins must be exact https origins such as https://www.lego-moc.com (no \"*\", no *.domain pattern, no path): HTTP APIs match origins exactly."
  }
}

variable "throttling" {
  description = "Default route throttling for the $default stage."
  type = object({
    burst_limit = optional(number, 100)
    rate_limit  = optional(number, 50)
  })
  default = {}

  validation {
    condition     = var.throttling.burst_limit > 0 && var.throttling.rate_limit > 0
    error_message = "throttling burst_limit and rate_limit must be positive."
  }
}

variable "access_log_retention_days" {
  description = "Retention of the access log group."
  type        = number
  default     = 14

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.access_log_retention_days)
    error_message = "access_log_retention_days must be a retention period CloudWatch Logs accepts (e.g. 14, 30, 90, 365)."
  }
}

variable "custom_domain" {
  description = "Optional custom domain (regional ACM certificate in the API's region); null keeps only the execute-api URL."
  type = object({
    domain_name     = string
    certificate_arn = string
    route53_zone_id = optional(string)
  })
  default = null

  validation {
    condition     = var.custom_domain == null || try(can(regex("^[a-z0-9.-]+\\.[a-z]{2,}$", var.custom_domain.domain_name)) && startswith(var.custom_domain.certificate_arn, "arn:"), false)
    error_message = "custom_domain needs a lowercase domain_name and an ACM certificate ARN."
  }
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
