# Only what changes per deployment run or per account. Sizing and data protection are literals in main.tf;
# modules/platform validates every value.

variable "artifacts_bucket" {
  description = "Bucket CI uploads the Lambda zips to (TF_VAR_artifacts_bucket); null uses the local Maven output."
  type        = string
  default     = null
}

variable "artifacts_key_prefix" {
  description = "Key prefix of this build's zips in artifacts_bucket, e.g. <git sha>/ (TF_VAR_artifacts_key_prefix)."
  type        = string
  default     = ""
}

variable "processor_image_tag" {
  description = "Immutable tag of the processor image in this environment's ECR repository (TF_VAR_processor_image_tag)."
  type        = string
  default     = null
}

variable "jwt_issuer" {
  description = "JWT issuer URL of this account's existing user pool (https://cognito-idp.<region>.amazonaws.com/<pool id>); null with create_user_pool."
  type        = string
  default     = null
}

variable "jwt_audience" {
  description = "Accepted JWT audiences (app client ids) of that pool; null with create_user_pool."
  type        = list(string)
  default     = null
}

variable "create_user_pool" {
  description = "Create a Cognito user pool and app client with the stack and let the APIs trust them (instead of jwt_issuer/jwt_audience)."
  type        = bool
  default     = false
}

variable "dlq_runbook_url" {
  description = "Absolute https URL of docs/runbook.md that dead-letter alerts link into (CI: the runbook at the deployed commit, TF_VAR_dlq_runbook_url)."
  type        = string
}

variable "alert_email_addresses" {
  description = "E-mail subscribers of the alerts topic."
  type        = list(string)
  default     = []
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

variable "bucket_name_suffix" {
  description = "Optional suffix for bucket names (S3 names are global)."
  type        = string
  default     = ""
}

variable "cursor_key_version" {
  description = "Version of the generated cursor signing key of job-api and image-api; raise it by one to rotate the key (cursors already handed out become invalid)."
  type        = number
  default     = 1
}

variable "cors_allowed_origins" {
  description = "Browser origins of the site, each exact (https://host[:port]); HTTP APIs accept no *.domain pattern, so list every subdomain that calls the APIs."
  type        = list(string)
  default     = ["https://lego-moc.com", "https://www.lego-moc.com"]
}

variable "cdn_domain_aliases" {
  description = "Custom domain names of the images CDN (e.g. images.lego-api.com in prod); empty serves the cloudfront.net name. Needs cdn_certificate_arn."
  type        = list(string)
  default     = []
}

variable "cdn_certificate_arn" {
  description = "ACM certificate in us-east-1 covering cdn_domain_aliases (CloudFront reads certificates only there)."
  type        = string
  default     = null
}

variable "create_cost_anomaly_monitor" {
  description = "Create the Cost Explorer anomaly monitor (needs Cost Explorer enabled and the Environment cost allocation tag activated in Billing; switch off for a brand-new account until both are done)."
  type        = bool
  default     = true
}
