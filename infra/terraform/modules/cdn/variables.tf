variable "name" {
  description = "Name used for the OAC, policies and the distribution comment."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.name))
    error_message = "name must be 1-64 letters, digits, hyphens or underscores."
  }
}

variable "origin_bucket" {
  description = "The private S3 bucket served through origin access control."
  type = object({
    name                 = string
    arn                  = string
    regional_domain_name = string
  })
}

variable "readable_paths" {
  description = "Object key patterns CloudFront may read (used in the bucket policy statement)."
  type        = list(string)
  default     = ["images/*"]

  validation {
    condition     = length(var.readable_paths) > 0 && alltrue([for p in var.readable_paths : !startswith(p, "/")])
    error_message = "readable_paths must be non-empty key patterns without a leading slash."
  }
}

variable "default_ttl_seconds" {
  description = "Default TTL (24 hours)."
  type        = number
  default     = 86400
}

variable "max_ttl_seconds" {
  description = "Maximum TTL (365 days)."
  type        = number
  default     = 31536000

  validation {
    condition     = var.max_ttl_seconds >= var.default_ttl_seconds
    error_message = "max_ttl_seconds must be >= default_ttl_seconds."
  }
}

variable "price_class" {
  description = "CloudFront price class."
  type        = string
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.price_class)
    error_message = "price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}

variable "http_version" {
  description = "Highest HTTP version served to viewers."
  type        = string
  default     = "http2"

  validation {
    condition     = contains(["http2", "http2and3"], var.http_version)
    error_message = "http_version must be http2 or http2and3."
  }
}

variable "custom_domain" {
  description = "Optional alias with an ACM certificate in us-east-1; null serves only the cloudfront.net name."
  type = object({
    aliases             = list(string)
    acm_certificate_arn = string
  })
  default = null

  validation {
    condition     = var.custom_domain == null || try(length(var.custom_domain.aliases) > 0 && can(regex("^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/", var.custom_domain.acm_certificate_arn)), false)
    error_message = "custom_domain needs at least one alias and an ACM certificate ARN in us-east-1."
  }
}

variable "hsts_max_age_seconds" {
  description = "Strict-Transport-Security max-age."
  type        = number
  default     = 63072000

  validation {
    condition     = var.hsts_max_age_seconds >= 31536000
    error_message = "hsts_max_age_seconds must be at least one year."
  }
}

variable "logging_bucket_domain_name" {
  description = "Optional bucket (domain name) for standard access logs."
  type        = string
  default     = null
}

variable "web_acl_arn" {
  description = "Optional WAFv2 web ACL ARN (scope CLOUDFRONT)."
  type        = string
  default     = null
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}

variable "additional_metrics" {
  description = "Subscribe to CloudFront's additional metrics (CacheHitRate, 4xx/5xx breakdown) that the dashboard's cache widget shows."
  type        = bool
  default     = true
  nullable    = false
}
