output "bucket_name" {
  description = "Bucket name."
  value       = aws_s3_bucket.this.bucket
}

output "bucket_arn" {
  description = "Bucket ARN."
  value       = aws_s3_bucket.this.arn
}

output "bucket_regional_domain_name" {
  description = "Regional domain name (CloudFront origin)."
  value       = aws_s3_bucket.this.bucket_regional_domain_name
}

output "request_metrics_filter_id" {
  description = "Filter id of the request metrics (null when off)."
  value       = var.request_metrics_enabled ? one(aws_s3_bucket_metric.entire_bucket[*].name) : null
}

output "settings" {
  description = "Effective settings, for tests and reviews."
  value = {
    public_access_block = {
      block_public_acls       = aws_s3_bucket_public_access_block.this.block_public_acls
      block_public_policy     = aws_s3_bucket_public_access_block.this.block_public_policy
      ignore_public_acls      = aws_s3_bucket_public_access_block.this.ignore_public_acls
      restrict_public_buckets = aws_s3_bucket_public_access_block.this.restrict_public_buckets
    }
    object_ownership  = aws_s3_bucket_ownership_controls.this.rule[0].object_ownership
    sse_algorithm     = one(aws_s3_bucket_server_side_encryption_configuration.this.rule[*].apply_server_side_encryption_by_default[0].sse_algorithm)
    versioning_status = aws_s3_bucket_versioning.this.versioning_configuration[0].status
    force_destroy     = aws_s3_bucket.this.force_destroy
    lifecycle_rules = {
      for r in aws_s3_bucket_lifecycle_configuration.this.rule : r.id => {
        prefix                     = try(r.filter[0].prefix, "")
        abort_multipart_days       = try(r.abort_incomplete_multipart_upload[0].days_after_initiation, null)
        noncurrent_expiration_days = try(r.noncurrent_version_expiration[0].noncurrent_days, null)
        intelligent_tiering_days   = try(one([for t in r.transition : t.days if t.storage_class == "INTELLIGENT_TIERING"]), null)
        expiration_days            = try(r.expiration[0].days, null)
      }
    }
    cors_rules = [
      for r in try(aws_s3_bucket_cors_configuration.this[0].cors_rule, []) : {
        allowed_methods = sort(tolist(r.allowed_methods))
        allowed_origins = sort(tolist(r.allowed_origins))
        allowed_headers = sort(tolist(r.allowed_headers))
      }
    ]
    policy = jsondecode(aws_s3_bucket_policy.this.policy)
  }
}
