output "table_name" {
  description = "Jobs table name."
  value       = aws_dynamodb_table.this.name
}

output "table_arn" {
  description = "Jobs table ARN."
  value       = aws_dynamodb_table.this.arn
}

output "index_arns" {
  description = "GSI ARNs by index name (for IAM)."
  value = {
    (var.owner_index_name)  = "${aws_dynamodb_table.this.arn}/index/${var.owner_index_name}"
    (var.status_index_name) = "${aws_dynamodb_table.this.arn}/index/${var.status_index_name}"
  }
}

output "bucket_name" {
  description = "Drawings bucket name."
  value       = module.bucket.bucket_name
}

output "bucket_arn" {
  description = "Drawings bucket ARN."
  value       = module.bucket.bucket_arn
}

output "drawings_prefix" {
  description = "Key prefix of uploaded drawings."
  value       = var.drawings_prefix
}

output "results_prefix" {
  description = "Key prefix of results."
  value       = var.results_prefix
}

output "work_files_prefix" {
  description = "Key prefix of the processor's per-job work files."
  value       = var.work_files_prefix
}

output "table_settings" {
  description = "Effective table settings, for tests and reviews."
  value = {
    hash_key            = aws_dynamodb_table.this.hash_key
    billing_mode        = aws_dynamodb_table.this.billing_mode
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
