# staging: production-like sizing, disposable data. Per-run inputs are in variables.tf; see ../../README.md.
locals {
  environment = "staging"
}

provider "aws" {
  region = "eu-west-2"

  default_tags {
    tags = { Project = "moc-platform", Environment = local.environment, ManagedBy = "terraform" }
  }
}

module "platform" {
  source = "../../modules/platform"

  environment        = local.environment
  bucket_name_suffix = var.bucket_name_suffix
  artifacts          = { s3_bucket = var.artifacts_bucket, s3_key_prefix = var.artifacts_key_prefix, local_root = "${path.root}/../../../.." }
  jwt                = var.jwt_audience == null ? null : { issuer = var.jwt_issuer, audience = var.jwt_audience }
  user_pool          = { enabled = var.create_user_pool }
  cursor_key_version = var.cursor_key_version
  dlq_runbook_url    = var.dlq_runbook_url

  analyzer           = "gemini"
  processor          = { image_tag = var.processor_image_tag, memory_size = 3008, maximum_concurrency = 5 }
  api_functions      = { memory_size = 1024, provisioned_concurrency = 0 }
  api_throttling     = { burst_limit = 100, rate_limit = 50 }
  log_retention_days = 30
  data_protection    = { point_in_time_recovery = true, deletion_protection = false, retain_data = false }
  monitoring         = { monthly_budget_usd = 150, alert_email_addresses = var.alert_email_addresses, create_cost_anomaly_monitor = var.create_cost_anomaly_monitor }

  cors_allowed_origins = var.cors_allowed_origins
  cdn_domain           = var.cdn_certificate_arn == null ? null : { aliases = var.cdn_domain_aliases, acm_certificate_arn = var.cdn_certificate_arn }

  image_api_domain = var.image_api_certificate_arn == null ? null : {
    domain_name     = "images-staging.lego-api.com"
    certificate_arn = var.image_api_certificate_arn
    route53_zone_id = var.route53_zone_id
  }
}
