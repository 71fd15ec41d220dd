mock_provider "aws" {
  source = "../../tests/mocks"
}

override_resource {
  target = module.platform.module.jobs.aws_dynamodb_table.this
  values = { arn = "arn:aws:dynamodb:eu-west-2:123456789012:table/Jobs-dev" }
}
override_resource {
  target = module.platform.module.images.aws_dynamodb_table.this
  values = { arn = "arn:aws:dynamodb:eu-west-2:123456789012:table/ImageMetadata-dev" }
}
override_resource {
  target = module.platform.module.jobs.module.bucket.aws_s3_bucket.this
  values = { arn = "arn:aws:s3:::drawings-lego-moc-dev" }
}
override_resource {
  target = module.platform.module.images.module.bucket.aws_s3_bucket.this
  values = { arn = "arn:aws:s3:::images-lego-moc-dev" }
}
override_resource {
  target = module.platform.module.queue.aws_sqs_queue.this
  values = { arn = "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev", url = "https://sqs.eu-west-2.amazonaws.com/123456789012/drawing-jobs-dev" }
}
override_resource {
  target = module.platform.module.queue.aws_sqs_queue.dlq
  values = { arn = "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dlq-dev", url = "https://sqs.eu-west-2.amazonaws.com/123456789012/drawing-jobs-dlq-dev" }
}
override_resource {
  target = module.platform.module.processor_repository.aws_ecr_repository.this
  values = { repository_url = "123456789012.dkr.ecr.eu-west-2.amazonaws.com/drawing-processor-dev" }
}

variables {
  jwt_issuer          = "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_example"
  jwt_audience        = ["client-id"]
  processor_image_tag = "0123abc"
  # Zips from the artifacts bucket: the local Maven output may be rebuilt while the tests run.
  artifacts_bucket     = "moc-platform-artifacts"
  artifacts_key_prefix = "builds/0123abc/"
}

run "dev_stack" {
  assert {
    condition     = output.jobs_table_name == "Jobs-dev" && output.images_table_name == "ImageMetadata-dev" && output.images_bucket_name == "images-lego-moc-dev" && output.drawings_bucket_name == "drawings-lego-moc-dev"
    error_message = "Names follow the contract for dev."
  }
  assert {
    condition     = alltrue([for s in values(module.platform.function_settings) : s.log_retention_days == 14]) && module.platform.job_api.settings.access_log_retention == 14 && module.platform.image_api.settings.access_log_retention == 14
    error_message = "dev keeps function and access logs 14 days."
  }
  assert {
    condition     = module.platform.function_settings["drawing-processor"].memory_size == 1536 && module.platform.function_settings["drawing-processor"].timeout == 900 && module.platform.function_settings["job-api"].memory_size == 768
    error_message = "dev sizing: processor 1536 MB / 900 s, APIs 768 MB."
  }
  assert {
    condition     = module.platform.function_environment["drawing-processor"].ANALYZER == "offline"
    error_message = "dev uses the offline analyser."
  }
  assert {
    condition     = alltrue([for k in ["job-api", "image-api"] : module.platform.function_settings[k].provisioned_concurrency == 0 && module.platform.function_settings[k].snap_start == true])
    error_message = "API functions: provisioned concurrency 0, SnapStart on."
  }
  assert {
    condition     = module.platform.data_stores.jobs_table.pitr == false && module.platform.data_stores.images_table.pitr == false
    error_message = "PITR is false in dev."
  }
  assert {
    condition     = module.platform.data_stores.jobs_table.deletion_protection == false && module.platform.data_stores.images_table.deletion_protection == false
    error_message = "Deletion protection is false in dev."
  }
  assert {
    condition     = module.platform.data_stores.images_bucket.force_destroy == !false && module.platform.data_stores.drawings_bucket.force_destroy == !false
    error_message = "Bucket contents are disposable in dev."
  }
  assert {
    condition     = module.platform.function_settings["drawing-processor"].package_type == "Image"
    error_message = "The processor runs from the ECR image."
  }
}

run "dev_security_baseline" {
  assert {
    condition     = alltrue(flatten([for p in values(module.platform.function_policies) : [for s in p.Statement : [for a in s.Action : a != "*" && !endswith(a, ":*")]]]))
    error_message = "IAM: no wildcard actions."
  }
  assert {
    condition     = alltrue(flatten([for p in values(module.platform.function_policies) : [for s in p.Statement : [for r in s.Resource : s.Sid == "WriteTraces" || startswith(r, "arn:aws:")]]]))
    error_message = "IAM: resources are exact ARNs (X-Ray excepted)."
  }
  assert {
    condition     = length(distinct([for f in values(output.functions) : f.role_name])) == 4
    error_message = "IAM: one role per function."
  }
  assert {
    condition     = alltrue([for s in values(module.platform.function_settings) : s.tracing_mode == "Active" && s.architectures == tolist(["arm64"]) && s.log_format == "JSON"])
    error_message = "Lambda: X-Ray Active, arm64, JSON logs."
  }
  assert {
    condition     = alltrue([for f in values(output.functions) : f.alias_name == "live"])
    error_message = "Lambda: traffic goes through the live alias."
  }
  assert {
    condition     = module.platform.jobs_queue.settings.sse_enabled && module.platform.jobs_queue.settings.visibility_timeout_seconds == 1800 && module.platform.jobs_queue.settings.max_receive_count == 3 && module.platform.jobs_queue.settings.dlq_message_retention_seconds == 1209600
    error_message = "SQS: encrypted, visibility 1800 s, 3 receives, DLQ kept 14 days."
  }
  assert {
    condition     = alltrue([for p in [module.platform.jobs_queue.settings.queue_policy, module.platform.jobs_queue.settings.dlq_policy] : anytrue([for s in p.Statement : s.Effect == "Deny" && try(s.Condition.Bool["aws:SecureTransport"], "") == "false"])])
    error_message = "SQS: TLS-only queue policies."
  }
  assert {
    condition     = alltrue([for b in [module.platform.data_stores.images_bucket, module.platform.data_stores.drawings_bucket] : alltrue(values(b.public_access_block)) && b.object_ownership == "BucketOwnerEnforced" && b.sse_algorithm != null && b.versioning_status == "Enabled" && anytrue([for s in b.policy.Statement : s.Effect == "Deny" && try(s.Condition.Bool["aws:SecureTransport"], "") == "false"])])
    error_message = "S3: public access blocked, ACLs off, encrypted, versioned, TLS-only."
  }
  assert {
    condition     = alltrue([for b in [module.platform.data_stores.images_bucket, module.platform.data_stores.drawings_bucket] : b.lifecycle_rules["abort-incomplete-multipart-uploads"].abort_multipart_days == 1 && b.cors_rules[0].allowed_origins == tolist(["https://*.lego-moc.com", "https://lego-moc.com"])])
    error_message = "S3: abort multipart after 1 day, CORS only for the site."
  }
  assert {
    condition     = alltrue([for t in [module.platform.data_stores.jobs_table, module.platform.data_stores.images_table] : t.sse && t.ttl_enabled && t.ttl_attribute == "ttl"])
    error_message = "DynamoDB: encrypted, TTL on ttl."
  }
  assert {
    condition     = module.platform.cdn_settings.uses_oac && !module.platform.cdn_settings.uses_legacy_oai && module.platform.cdn_settings.viewer_protocol_policy == "redirect-to-https" && module.platform.cdn_settings.price_class == "PriceClass_100"
    error_message = "CloudFront: OAC, HTTPS redirect, PRICE_CLASS_100."
  }
  assert {
    condition     = alltrue([for r in concat(values(module.platform.job_api.routes), values(module.platform.image_api.routes)) : r.authorization_type == "JWT"]) && length(module.platform.job_api.routes) == 6 && length(module.platform.image_api.routes) == 6
    error_message = "API Gateway: JWT authorizer on every route."
  }
  assert {
    condition     = module.platform.job_api.settings.access_log_format.requestId == "$context.requestId" && module.platform.image_api.settings.throttling_rate_limit > 0
    error_message = "API Gateway: JSON access logs and default route throttling."
  }
  assert {
    condition     = module.platform.monitoring_settings.key_rotation && module.platform.monitoring_settings.topic_kms_key != null && anytrue([for s in module.platform.monitoring_settings.topic_policy.Statement : s.Effect == "Deny" && try(s.Condition.Bool["aws:SecureTransport"], "") == "false"])
    error_message = "SNS: CMK with rotation, TLS-only topic policy."
  }
  assert {
    condition     = length(module.platform.alarms) == 13 && alltrue([for a in values(module.platform.alarms) : length(a.alarm_actions) > 0 && length(a.ok_actions) > 0])
    error_message = "CloudWatch: every seed alarm has alarm and OK actions."
  }
  assert {
    condition     = module.platform.repository_settings.image_tag_mutability == "IMMUTABLE" && module.platform.repository_settings.scan_on_push && length(module.platform.repository_settings.lifecycle_rules) > 0
    error_message = "ECR: immutable tags, scan on push, lifecycle policy."
  }
  assert {
    condition     = !contains(keys(module.platform.function_environment["drawing-processor"]), "GEMINI_API_KEY") && module.platform.function_environment["drawing-processor"].GEMINI_API_KEY_PARAMETER == "/moc-platform/dev/gemini-api-key"
    error_message = "Secrets: the Gemini key is read from SSM at run time, never set as an environment variable."
  }
}

run "rejects_unknown_analyzer" {
  command = plan
  variables {
    analyzer = "gpt"
  }
  expect_failures = [var.analyzer]
}

run "rejects_missing_processor_image_tag" {
  command = plan
  variables {
    processor_image_tag = null
  }
  expect_failures = [var.processor_image_tag]
}
