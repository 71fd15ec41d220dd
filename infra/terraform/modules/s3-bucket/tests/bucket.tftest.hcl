mock_provider "aws" {
  mock_resource "aws_s3_bucket" {
    defaults = {
      arn                         = "arn:aws:s3:::images-lego-moc-dev"
      bucket_regional_domain_name = "images-lego-moc-dev.s3.eu-west-2.amazonaws.com"
    }
  }
}

variables {
  bucket_name = "images-lego-moc-dev"
}

run "private_encrypted_tls_only_by_default" {
  assert {
    condition     = alltrue(values(output.settings.public_access_block))
    error_message = "All four public access blocks must be on."
  }
  assert {
    condition     = output.settings.object_ownership == "BucketOwnerEnforced"
    error_message = "ACLs must be disabled (BucketOwnerEnforced)."
  }
  assert {
    condition     = output.settings.sse_algorithm == "AES256"
    error_message = "SSE-S3 is the default encryption."
  }
  assert {
    condition = anytrue([
      for s in output.settings.policy.Statement :
      s.Effect == "Deny" && s.Principal == "*" && s.Action == "s3:*" && s.Condition == { Bool = { "aws:SecureTransport" = "false" } } && s.Resource == ["arn:aws:s3:::images-lego-moc-dev", "arn:aws:s3:::images-lego-moc-dev/*"]
    ])
    error_message = "The bucket policy must deny every action (s3:*) by anyone without TLS, on the bucket and its objects."
  }
  assert {
    condition     = output.settings.versioning_status == "Enabled" && output.settings.lifecycle_rules["expire-noncurrent-versions"].noncurrent_expiration_days == 30
    error_message = "Versioning is on with noncurrent expiry by default."
  }
  assert {
    condition     = output.settings.lifecycle_rules["abort-incomplete-multipart-uploads"].abort_multipart_days == 1
    error_message = "Incomplete multipart uploads must be aborted after 1 day."
  }
  assert {
    condition     = !output.settings.force_destroy && length(aws_s3_bucket_cors_configuration.this) == 0 && output.request_metrics_filter_id == null
    error_message = "No force_destroy, CORS or request metrics unless asked for."
  }
}

run "lifecycle_cors_metrics_and_cmk" {
  variables {
    versioning_enabled = false
    kms_key_arn        = "arn:aws:kms:eu-west-2:123456789012:key/11111111-2222-3333-4444-555555555555"
    lifecycle_rules = [
      { id = "intelligent-tiering", intelligent_tiering_days = 0 },
      { id = "expire-drawings", prefix = "drawings/", expiration_days = 30 },
    ]
    cors_rules = [{
      allowed_methods = ["PUT", "GET"]
      allowed_origins = ["https://lego-moc.com", "https://*.lego-moc.com"]
    }]
    request_metrics_enabled = true
  }

  assert {
    condition     = output.settings.sse_algorithm == "aws:kms"
    error_message = "A CMK switches encryption to SSE-KMS."
  }
  assert {
    condition     = output.settings.versioning_status == "Disabled" && !contains(keys(output.settings.lifecycle_rules), "expire-noncurrent-versions")
    error_message = "Without versioning there is no noncurrent rule."
  }
  assert {
    condition     = output.settings.lifecycle_rules["intelligent-tiering"].intelligent_tiering_days == 0 && output.settings.lifecycle_rules["expire-drawings"].expiration_days == 30 && output.settings.lifecycle_rules["expire-drawings"].prefix == "drawings/"
    error_message = "Lifecycle rules must be applied as given."
  }
  assert {
    condition     = output.settings.cors_rules[0].allowed_origins == tolist(["https://*.lego-moc.com", "https://lego-moc.com"])
    error_message = "CORS must allow only the site's origins."
  }
  assert {
    condition     = output.request_metrics_filter_id == "EntireBucket"
    error_message = "Request metrics use the EntireBucket filter."
  }
}

run "extra_statement_is_added_after_tls_deny" {
  variables {
    policy_statements = [{
      sid        = "AllowCloudFrontRead"
      principals = { type = "Service", identifiers = ["cloudfront.amazonaws.com"] }
      actions    = ["s3:GetObject"]
      resources  = ["arn:aws:s3:::images-lego-moc-dev/images/*"]
      conditions = [{ test = "StringEquals", variable = "AWS:SourceArn", values = ["arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE"] }]
    }]
  }

  assert {
    condition     = length(output.settings.policy.Statement) == 2 && output.settings.policy.Statement[1].Condition.StringEquals["AWS:SourceArn"] == ["arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE"]
    error_message = "Extra statements keep their conditions."
  }
}

run "rejects_wildcard_cors_origin" {
  command = plan
  variables {
    cors_rules = [{ allowed_methods = ["GET"], allowed_origins = ["*"] }]
  }
  expect_failures = [var.cors_rules]
}

run "rejects_anonymous_principal" {
  command = plan
  variables {
    policy_statements = [{
      sid        = "Public"
      principals = { type = "AWS", identifiers = ["*"] }
      actions    = ["s3:GetObject"]
      resources  = ["arn:aws:s3:::images-lego-moc-dev/*"]
    }]
  }
  expect_failures = [var.policy_statements]
}

run "rejects_invalid_bucket_name" {
  command = plan
  variables {
    bucket_name = "Images_Bucket"
  }
  expect_failures = [var.bucket_name]
}

run "rejects_long_multipart_window" {
  command = plan
  variables {
    abort_incomplete_multipart_upload_days = 0
  }
  expect_failures = [var.abort_incomplete_multipart_upload_days]
}
