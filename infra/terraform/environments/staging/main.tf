locals {
  environment = "staging"
  # images-{stage}.lego-api.com; prod drops the stage.
  image_api_domain_name = local.environment == "prod" ? "images.lego-api.com" : "images-${local.environment}.lego-api.com"
}

module "platform" {
  source = "../../modules/platform"

  environment        = local.environment
  bucket_name_suffix = var.bucket_name_suffix

  artifacts = {
    s3_bucket     = var.artifacts_bucket
    s3_key_prefix = var.artifacts_key_prefix
    local_root    = "${path.root}/../../../.."
  }

  api_functions = {
    memory_size             = var.api_memory_size
    provisioned_concurrency = var.api_provisioned_concurrency
  }

  processor = {
    package_type        = var.processor_package_type
    image_tag           = var.processor_image_tag
    memory_size         = var.processor_memory_size
    maximum_concurrency = var.processor_maximum_concurrency
  }

  analyzer     = var.analyzer
  gemini_model = var.gemini_model

  jwt = {
    issuer   = var.jwt_issuer
    audience = var.jwt_audience
  }

  api_throttling     = var.api_throttling
  log_retention_days = var.log_retention_days

  data_protection = {
    point_in_time_recovery = var.point_in_time_recovery
    deletion_protection    = var.deletion_protection
    retain_data            = var.retain_data
  }

  image_api_domain = var.image_api_certificate_arn == null ? null : {
    domain_name     = local.image_api_domain_name
    certificate_arn = var.image_api_certificate_arn
    route53_zone_id = var.route53_zone_id
  }

  monitoring = {
    monthly_budget_usd    = var.monthly_budget_usd
    alert_email_addresses = var.alert_email_addresses
  }
}
