output "table_name" {
  description = "Image metadata table name."
  value       = aws_dynamodb_table.this.name
}

output "table_arn" {
  description = "Table ARN."
  value       = aws_dynamodb_table.this.arn
}

output "index_arns" {
  description = "GSI ARNs by index name (for IAM)."
  value       = { for name in [var.user_index_name, var.album_index_name] : name => "${aws_dynamodb_table.this.arn}/index/${name}" }
}

output "stream_arn" {
  description = "Table stream ARN (NEW_AND_OLD_IMAGES)."
  value       = aws_dynamodb_table.this.stream_arn
}

output "bucket_name" {
  description = "Image bucket name."
  value       = module.bucket.bucket_name
}

output "bucket_arn" {
  description = "Image bucket ARN."
  value       = module.bucket.bucket_arn
}

output "bucket_regional_domain_name" {
  description = "Bucket regional domain name (CloudFront origin)."
  value       = module.bucket.bucket_regional_domain_name
}

output "bucket_request_metrics_filter_id" {
  description = "Filter id for the bucket's request metrics (5xx alarm)."
  value       = module.bucket.request_metrics_filter_id
}

output "table_settings" {
  description = "Effective table settings, for tests and reviews."
  value = {
    hash_key            = aws_dynamodb_table.this.hash_key
    range_key           = aws_dynamodb_table.this.range_key
    billing_mode        = aws_dynamodb_table.this.billing_mode
    stream_view_type    = aws_dynamodb_table.this.stream_view_type
    ttl_attribute       = aws_dynamodb_table.this.ttl[0].attribute_name
    ttl_enabled         = aws_dynamodb_table.this.ttl[0].enabled
    pitr                = aws_dynamodb_table.this.point_in_time_recovery[0].enabled
    sse                 = aws_dynamodb_table.this.server_side_encryption[0].enabled
    deletion_protection = aws_dynamodb_table.this.deletion_protection_enabled
    indexes             = { for g in aws_dynamodb_table.this.global_secondary_index : g.name => { hash_key = g.hash_key, range_key = g.range_key, projection = g.projection_type } }
    attributes          = { for a in aws_dynamodb_table.this.attribute : a.name => a.type }
  }
}

output "bucket_settings" {
  description = "Effective bucket settings, for tests and reviews."
  value       = module.bucket.settings
}
