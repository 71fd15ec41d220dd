resource "aws_dynamodb_table" "this" {
  name                        = var.table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "PK"
  range_key                   = "SK"
  stream_enabled              = true
  stream_view_type            = "NEW_AND_OLD_IMAGES"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "PK"
    type = "S"
  }
  attribute {
    name = "SK"
    type = "S"
  }
  attribute {
    name = "GSI1PK"
    type = "S"
  }
  attribute {
    name = "GSI1SK"
    type = "S"
  }
  attribute {
    name = "GSI2PK"
    type = "S"
  }
  attribute {
    name = "GSI2SK"
    type = "S"
  }

  global_secondary_index {
    name            = var.user_index_name
    hash_key        = "GSI1PK"
    range_key       = "GSI1SK"
    projection_type = "ALL"
  }

  global_secondary_index {
    name            = var.album_index_name
    hash_key        = "GSI2PK"
    range_key       = "GSI2SK"
    projection_type = "ALL"
  }

  ttl {
    attribute_name = "ttl"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  # AWS-managed key (aws/dynamodb): encrypted at rest without a key of our own to rotate.
  server_side_encryption {
    enabled = true
  }

  tags = var.tags
}

module "bucket" {
  source = "../s3-bucket"

  bucket_name                        = var.bucket_name
  force_destroy                      = !var.retain_data
  versioning_enabled                 = var.versioning_enabled
  noncurrent_version_expiration_days = var.noncurrent_version_expiration_days
  request_metrics_enabled            = true

  lifecycle_rules = [
    { id = "intelligent-tiering", intelligent_tiering_days = var.intelligent_tiering_days },
    # Presigned uploads land under uploads/ and are copied to images/ once verified (then deleted); what is left
    # there was abandoned, rejected or written again after completion, and is never served.
    { id = "expire-abandoned-uploads", prefix = "uploads/", expiration_days = 1 },
  ]

  cors_rules = [{
    allowed_methods = ["GET", "PUT", "POST", "DELETE", "HEAD"]
    allowed_origins = var.cors_allowed_origins
    allowed_headers = ["*"]
    expose_headers  = ["ETag"]
  }]

  policy_statements = var.bucket_policy_statements
  tags              = var.tags
}
