output "distribution_id" {
  description = "Distribution id (cache invalidations)."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_arn" {
  description = "Distribution ARN."
  value       = aws_cloudfront_distribution.this.arn
}

output "domain_name" {
  description = "cloudfront.net domain name."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "hosted_zone_id" {
  description = "Route 53 zone id for alias records."
  value       = aws_cloudfront_distribution.this.hosted_zone_id
}

output "base_url" {
  description = "https URL the image API hands out (CDN_BASE_URL)."
  value       = "https://${var.custom_domain == null ? aws_cloudfront_distribution.this.domain_name : var.custom_domain.aliases[0]}"
}

output "origin_access_control_id" {
  description = "OAC id."
  value       = aws_cloudfront_origin_access_control.this.id
}

output "origin_bucket_policy_statements" {
  description = "Statement the origin bucket's policy must carry so that only this distribution can read it (a bucket has one policy, owned by the bucket's module)."
  value = [{
    sid        = "AllowCloudFrontOacRead"
    effect     = "Allow"
    principals = { type = "Service", identifiers = ["cloudfront.amazonaws.com"] }
    actions    = ["s3:GetObject"]
    resources  = [for p in var.readable_paths : "${var.origin_bucket.arn}/${p}"]
    conditions = [{ test = "StringEquals", variable = "AWS:SourceArn", values = [aws_cloudfront_distribution.this.arn] }]
  }]
}

output "settings" {
  description = "Effective settings, for tests and reviews."
  value = {
    viewer_protocol_policy   = aws_cloudfront_distribution.this.default_cache_behavior[0].viewer_protocol_policy
    compress                 = aws_cloudfront_distribution.this.default_cache_behavior[0].compress
    price_class              = aws_cloudfront_distribution.this.price_class
    http_version             = aws_cloudfront_distribution.this.http_version
    default_ttl              = aws_cloudfront_cache_policy.images.default_ttl
    max_ttl                  = aws_cloudfront_cache_policy.images.max_ttl
    uses_oac                 = one([for o in aws_cloudfront_distribution.this.origin : o.origin_access_control_id]) == aws_cloudfront_origin_access_control.this.id
    uses_legacy_oai          = length(flatten([for o in aws_cloudfront_distribution.this.origin : o.s3_origin_config])) > 0
    minimum_protocol_version = aws_cloudfront_distribution.this.viewer_certificate[0].minimum_protocol_version
    response_headers_policy  = aws_cloudfront_distribution.this.default_cache_behavior[0].response_headers_policy_id
    additional_metrics       = one([for s in aws_cloudfront_monitoring_subscription.this : s.monitoring_subscription[0].realtime_metrics_subscription_config[0].realtime_metrics_subscription_status])
  }
}
