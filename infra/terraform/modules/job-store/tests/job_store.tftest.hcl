mock_provider "aws" {
  mock_resource "aws_dynamodb_table" {
    defaults = {
      arn = "arn:aws:dynamodb:eu-west-2:123456789012:table/Jobs-dev"
    }
  }
  mock_resource "aws_s3_bucket" {
    defaults = {
      arn = "arn:aws:s3:::drawings-lego-moc-dev"
    }
  }
}

variables {
  table_name  = "Jobs-dev"
  bucket_name = "drawings-lego-moc-dev"
}

run "jobs_table_matches_design" {
  assert {
    condition     = output.table_settings.hash_key == "job_id" && output.table_settings.attributes["job_id"] == "S" && output.table_settings.billing_mode == "PAY_PER_REQUEST"
    error_message = "job_id (S) is the partition key, on-demand billing."
  }
  assert {
    condition     = output.table_settings.indexes["OwnerIndex"] == { hash_key = "owner", range_key = "created_at", projection = "ALL" }
    error_message = "OwnerIndex: owner hash, created_at range."
  }
  assert {
    condition     = output.table_settings.ttl_enabled && output.table_settings.ttl_attribute == "ttl"
    error_message = "TTL on ttl (30-day cleanup)."
  }
  assert {
    condition     = output.table_settings.sse && output.table_settings.pitr && output.table_settings.deletion_protection
    error_message = "SSE, PITR and deletion protection by default."
  }
  assert {
    condition     = output.index_arns["OwnerIndex"] == "arn:aws:dynamodb:eu-west-2:123456789012:table/Jobs-dev/index/OwnerIndex"
    error_message = "Index ARN is derived from the table ARN."
  }
}

run "drawings_bucket_lifecycle_and_baseline" {
  assert {
    condition     = output.bucket_settings.lifecycle_rules["expire-drawings"].expiration_days == 30 && output.bucket_settings.lifecycle_rules["expire-drawings"].prefix == "drawings/"
    error_message = "Drawings are deleted after 30 days."
  }
  assert {
    condition     = output.bucket_settings.lifecycle_rules["expire-results"].expiration_days == 30 && output.bucket_settings.lifecycle_rules["expire-results"].prefix == "results/"
    error_message = "Results are deleted after 30 days."
  }
  assert {
    condition     = output.bucket_settings.lifecycle_rules["expire-work-files"].expiration_days == 7 && output.bucket_settings.lifecycle_rules["expire-work-files"].prefix == "jobs/"
    error_message = "The processor's work files under jobs/ are deleted after 7 days."
  }
  assert {
    condition     = toset([for id, r in output.bucket_settings.lifecycle_rules : r.prefix if coalesce(r.expiration_days, 0) > 0]) == toset(["drawings/", "results/", "jobs/"])
    error_message = "Every prefix the functions write (drawings/, results/, jobs/) expires, and no other."
  }
  assert {
    condition     = output.bucket_settings.lifecycle_rules["intelligent-tiering"].intelligent_tiering_days == 0 && output.bucket_settings.lifecycle_rules["abort-incomplete-multipart-uploads"].abort_multipart_days == 1
    error_message = "Intelligent-Tiering and 1-day multipart abort."
  }
  assert {
    condition     = alltrue(values(output.bucket_settings.public_access_block)) && output.bucket_settings.sse_algorithm == "AES256" && output.bucket_settings.object_ownership == "BucketOwnerEnforced"
    error_message = "Public access blocked, encrypted, ACLs disabled."
  }
  assert {
    condition     = anytrue([for s in output.bucket_settings.policy.Statement : s.Effect == "Deny" && s.Condition.Bool["aws:SecureTransport"] == "false"])
    error_message = "TLS-only bucket policy."
  }
  assert {
    condition     = output.bucket_settings.versioning_status == "Enabled" && output.bucket_settings.lifecycle_rules["expire-noncurrent-versions"].noncurrent_expiration_days == 7
    error_message = "Versioning with noncurrent expiry."
  }
  assert {
    condition     = output.bucket_settings.cors_rules[0].allowed_origins == tolist(["https://lego-moc.com", "https://www.lego-moc.com"])
    error_message = "Presigned uploads only from the site's origins."
  }
}

run "rejects_zero_expiration" {
  command = plan
  variables {
    object_expiration_days = 0
  }
  expect_failures = [var.object_expiration_days]
}

run "rejects_zero_work_file_expiration" {
  command = plan
  variables {
    work_file_expiration_days = 0
  }
  expect_failures = [var.work_file_expiration_days]
}

run "rejects_prefix_without_slash" {
  command = plan
  variables {
    drawings_prefix = "drawings"
  }
  expect_failures = [var.drawings_prefix]
}
