mock_provider "aws" {
  mock_resource "aws_dynamodb_table" {
    defaults = {
      arn = "arn:aws:dynamodb:eu-west-2:123456789012:table/ImageMetadata-dev"
    }
  }
  mock_resource "aws_s3_bucket" {
    defaults = {
      arn = "arn:aws:s3:::images-lego-moc-dev"
    }
  }
}

variables {
  table_name  = "ImageMetadata-dev"
  bucket_name = "images-lego-moc-dev"
}

run "table_matches_the_image_model" {
  assert {
    condition     = output.table_settings.hash_key == "PK" && output.table_settings.range_key == "SK" && output.table_settings.billing_mode == "PAY_PER_REQUEST"
    error_message = "PK/SK keys and on-demand billing."
  }
  assert {
    condition     = output.table_settings.indexes["UserIndex"] == { hash_key = "GSI1PK", range_key = "GSI1SK", projection = "ALL" } && output.table_settings.indexes["AlbumIndex"] == { hash_key = "GSI2PK", range_key = "GSI2SK", projection = "ALL" }
    error_message = "UserIndex (GSI1) and AlbumIndex (GSI2) with ALL projection."
  }
  assert {
    condition     = alltrue([for a in ["PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK"] : output.table_settings.attributes[a] == "S"])
    error_message = "All key attributes are strings."
  }
  assert {
    condition     = output.table_settings.stream_view_type == "NEW_AND_OLD_IMAGES" && output.table_settings.ttl_attribute == "ttl" && output.table_settings.ttl_enabled
    error_message = "Streams NEW_AND_OLD_IMAGES and TTL on ttl."
  }
  assert {
    condition     = output.table_settings.sse && output.table_settings.pitr && output.table_settings.deletion_protection
    error_message = "SSE, PITR and deletion protection are on by default."
  }
  assert {
    condition     = output.index_arns["UserIndex"] == "arn:aws:dynamodb:eu-west-2:123456789012:table/ImageMetadata-dev/index/UserIndex"
    error_message = "Index ARNs are derived from the table ARN."
  }
}

run "bucket_matches_the_image_store_and_baseline" {
  assert {
    condition     = output.bucket_settings.lifecycle_rules["intelligent-tiering"].intelligent_tiering_days == 0
    error_message = "Objects move to Intelligent-Tiering immediately."
  }
  assert {
    condition     = output.bucket_settings.lifecycle_rules["abort-incomplete-multipart-uploads"].abort_multipart_days == 1
    error_message = "Incomplete multipart uploads are aborted after 1 day."
  }
  assert {
    condition = (output.bucket_settings.lifecycle_rules["expire-abandoned-uploads"].prefix == "uploads/"
    && output.bucket_settings.lifecycle_rules["expire-abandoned-uploads"].expiration_days == 1)
    error_message = "Staged uploads (abandoned, rejected or replayed after completion) expire after 1 day; served images/ never do."
  }
  assert {
    condition     = length([for id, r in output.bucket_settings.lifecycle_rules : id if try(r.expiration_days > 0, false) && r.prefix != "uploads/"]) == 0
    error_message = "Only the uploads/ staging prefix has current objects expiring; served images never do."
  }
  assert {
    condition     = output.bucket_settings.sse_algorithm == "AES256" && alltrue(values(output.bucket_settings.public_access_block)) && output.bucket_settings.object_ownership == "BucketOwnerEnforced"
    error_message = "SSE-S3, public access blocked, ACLs disabled."
  }
  assert {
    condition     = output.bucket_settings.cors_rules[0].allowed_origins == tolist(["https://lego-moc.com", "https://www.lego-moc.com"]) && output.bucket_settings.cors_rules[0].allowed_methods == tolist(["DELETE", "GET", "HEAD", "POST", "PUT"])
    error_message = "CORS limited to the site's origins."
  }
  assert {
    condition     = anytrue([for s in output.bucket_settings.policy.Statement : s.Effect == "Deny" && s.Condition.Bool["aws:SecureTransport"] == "false"])
    error_message = "TLS-only bucket policy."
  }
  assert {
    condition     = output.bucket_settings.versioning_status == "Enabled" && output.bucket_settings.lifecycle_rules["expire-noncurrent-versions"].noncurrent_expiration_days == 30
    error_message = "Versioning with noncurrent expiry."
  }
  assert {
    condition     = !output.bucket_settings.force_destroy && output.bucket_request_metrics_filter_id == "EntireBucket"
    error_message = "Retained by default; request metrics feed the S3 5xx alarm."
  }
}

run "dev_profile_can_be_torn_down" {
  variables {
    point_in_time_recovery = false
    deletion_protection    = false
    retain_data            = false
  }
  assert {
    condition     = !output.table_settings.deletion_protection && output.bucket_settings.force_destroy && !output.table_settings.pitr
    error_message = "Dev may switch off retention."
  }
}

run "rejects_wildcard_origin" {
  command = plan
  variables {
    cors_allowed_origins = ["https://*"]
  }
  expect_failures = [var.cors_allowed_origins]
}

run "rejects_http_origin" {
  command = plan
  variables {
    cors_allowed_origins = ["http://lego-moc.com"]
  }
  expect_failures = [var.cors_allowed_origins]
}

run "rejects_bad_table_name" {
  command = plan
  variables {
    table_name = "x"
  }
  expect_failures = [var.table_name]
}
