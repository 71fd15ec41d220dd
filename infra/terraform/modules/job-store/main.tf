resource "aws_dynamodb_table" "this" {
  name                        = var.table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "job_id"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "job_id"
    type = "S"
  }
  attribute {
    name = "owner"
    type = "S"
  }
  attribute {
    name = "created_at"
    type = "S"
  }
  attribute {
    name = "status"
    type = "S"
  }
  attribute {
    name = "updated_at"
    type = "S"
  }

  global_secondary_index {
    name            = var.owner_index_name
    hash_key        = "owner"
    range_key       = "created_at"
    projection_type = "ALL"
  }

  # The reconciler queries one status and the part of it not changed since a cutoff: no scan, whatever the size
  # of the table. Every job write moves updated_at, so all of a status lands on one index partition; fine at this
  # platform's rate (a partition takes 1,000 writes/s).
  global_secondary_index {
    name            = var.status_index_name
    hash_key        = "status"
    range_key       = "updated_at"
    projection_type = "ALL"
  }

  # Jobs carry ttl = created + 30 days (jobs are kept for a month).
  ttl {
    attribute_name = "ttl"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled = true
  }

  tags = var.tags
}

module "bucket" {
  source = "../s3-bucket"

  bucket_name   = var.bucket_name
  force_destroy = !var.retain_data
  # Objects live 30 days; a short noncurrent window still protects against a bad overwrite.
  versioning_enabled                 = true
  noncurrent_version_expiration_days = 7

  lifecycle_rules = [
    { id = "intelligent-tiering", intelligent_tiering_days = var.intelligent_tiering_days },
    { id = "expire-drawings", prefix = var.drawings_prefix, expiration_days = var.object_expiration_days },
    { id = "expire-results", prefix = var.results_prefix, expiration_days = var.object_expiration_days },
    { id = "expire-work-files", prefix = var.work_files_prefix, expiration_days = var.work_file_expiration_days },
  ]

  cors_rules = [{
    allowed_methods = ["PUT", "POST", "GET", "HEAD"]
    allowed_origins = var.cors_allowed_origins
    allowed_headers = ["*"]
    expose_headers  = ["ETag"]
  }]

  tags = var.tags
}
