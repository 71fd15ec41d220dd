mock_provider "aws" {
  source = "../../tests/mocks"
}

override_resource {
  target = module.jobs.aws_dynamodb_table.this
  values = { arn = "arn:aws:dynamodb:eu-west-2:123456789012:table/Jobs-dev" }
}
override_resource {
  target = module.images.aws_dynamodb_table.this
  values = { arn = "arn:aws:dynamodb:eu-west-2:123456789012:table/ImageMetadata-dev" }
}
override_resource {
  target = module.jobs.module.bucket.aws_s3_bucket.this
  values = { arn = "arn:aws:s3:::drawings-lego-moc-dev" }
}
override_resource {
  target = module.images.module.bucket.aws_s3_bucket.this
  values = { arn = "arn:aws:s3:::images-lego-moc-dev", bucket_regional_domain_name = "images-lego-moc-dev.s3.eu-west-2.amazonaws.com" }
}
override_resource {
  target = module.queue.aws_sqs_queue.this
  values = { arn = "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev", url = "https://sqs.eu-west-2.amazonaws.com/123456789012/drawing-jobs-dev" }
}
override_resource {
  target = module.queue.aws_sqs_queue.dlq
  values = { arn = "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dlq-dev", url = "https://sqs.eu-west-2.amazonaws.com/123456789012/drawing-jobs-dlq-dev" }
}
override_resource {
  target = module.monitoring.aws_sns_topic.this
  values = { arn = "arn:aws:sns:eu-west-2:123456789012:alerts-dev" }
}
override_resource {
  target = module.monitoring.aws_kms_key.alerts
  values = { arn = "arn:aws:kms:eu-west-2:123456789012:key/aaaaaaaa-0000-0000-0000-000000000000" }
}
override_resource {
  target = module.gemini_api_key.aws_kms_key.parameter
  values = { arn = "arn:aws:kms:eu-west-2:123456789012:key/bbbbbbbb-0000-0000-0000-000000000000" }
}
override_resource {
  target = module.cursor_key.aws_ssm_parameter.generated
  values = { arn = "arn:aws:ssm:eu-west-2:123456789012:parameter/moc-platform/dev/cursor-signing-key" }
}
override_resource {
  target = module.cursor_key.aws_kms_key.parameter
  values = { arn = "arn:aws:kms:eu-west-2:123456789012:key/cccccccc-0000-0000-0000-000000000000" }
}
override_data {
  target = data.aws_ecr_repository.processor
  values = { repository_url = "123456789012.dkr.ecr.eu-west-2.amazonaws.com/drawing-processor-dev" }
}

variables {
  environment = "dev"
  # Four empty files named like the Maven output: the mocked provider never reads them.
  artifacts          = { local_root = "../../tests/fixtures/artifacts" }
  processor          = { image_tag = "abc123", memory_size = 1536 }
  analyzer           = "offline"
  jwt                = { issuer = "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_example", audience = ["client"] }
  dlq_runbook_url    = "https://github.com/moc-org/moc-platform/blob/0123abc/docs/runbook.md"
  log_retention_days = 14
  data_protection    = { point_in_time_recovery = false, deletion_protection = false, retain_data = false }
  monitoring         = { monthly_budget_usd = 50 }

  # The reviewed permissions of each role for this test's names (contract/platform-contract.json rendered by hand).
  # A change to a function's permissions changes the contract and this list together.
  expected_role_statements = {
    job-api = [
      { Sid = "ReadWriteJobs", Action = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], Resource = ["arn:aws:dynamodb:eu-west-2:123456789012:table/Jobs-dev"] },
      { Sid = "ListJobsByOwner", Action = ["dynamodb:Query"], Resource = ["arn:aws:dynamodb:eu-west-2:123456789012:table/Jobs-dev/index/OwnerIndex"] },
      { Sid = "PresignDrawingUploads", Action = ["s3:PutObject"], Resource = ["arn:aws:s3:::drawings-lego-moc-dev/drawings/*"] },
      { Sid = "ReadDrawingSize", Action = ["s3:GetObject"], Resource = ["arn:aws:s3:::drawings-lego-moc-dev/drawings/*"] },
      { Sid = "CheckDrawingExists", Action = ["s3:ListBucket"], Resource = ["arn:aws:s3:::drawings-lego-moc-dev"], Condition = { StringLike = { "s3:prefix" = ["drawings/*"] } } },
      { Sid = "PresignResultDownloads", Action = ["s3:GetObject"], Resource = ["arn:aws:s3:::drawings-lego-moc-dev/results/*"] },
      { Sid = "EnqueueJobs", Action = ["sqs:SendMessage"], Resource = ["arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev"] },
      { Sid = "ReadCursorSigningKeyParameter", Action = ["ssm:GetParameter"], Resource = ["arn:aws:ssm:eu-west-2:123456789012:parameter/moc-platform/dev/cursor-signing-key"] },
      { Sid = "DecryptCursorSigningKeyParameter", Action = ["kms:Decrypt"], Resource = ["arn:aws:kms:eu-west-2:123456789012:key/cccccccc-0000-0000-0000-000000000000"], Condition = { StringEquals = { "kms:ViaService" = ["ssm.eu-west-2.amazonaws.com"] } } },
    ]
    image-api = [
      { Sid = "ReadWriteImageMetadata", Action = ["dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"], Resource = ["arn:aws:dynamodb:eu-west-2:123456789012:table/ImageMetadata-dev"] },
      { Sid = "ListImagesByUserOrAlbum", Action = ["dynamodb:Query"], Resource = ["arn:aws:dynamodb:eu-west-2:123456789012:table/ImageMetadata-dev/index/UserIndex", "arn:aws:dynamodb:eu-west-2:123456789012:table/ImageMetadata-dev/index/AlbumIndex"] },
      { Sid = "StageImageUploads", Action = ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"], Resource = ["arn:aws:s3:::images-lego-moc-dev/uploads/*"] },
      { Sid = "PublishVerifiedImages", Action = ["s3:PutObject", "s3:DeleteObject"], Resource = ["arn:aws:s3:::images-lego-moc-dev/images/*"] },
      { Sid = "CheckUploadExists", Action = ["s3:ListBucket"], Resource = ["arn:aws:s3:::images-lego-moc-dev"], Condition = { StringLike = { "s3:prefix" = ["uploads/*"] } } },
      { Sid = "ReadCursorSigningKeyParameter", Action = ["ssm:GetParameter"], Resource = ["arn:aws:ssm:eu-west-2:123456789012:parameter/moc-platform/dev/cursor-signing-key"] },
      { Sid = "DecryptCursorSigningKeyParameter", Action = ["kms:Decrypt"], Resource = ["arn:aws:kms:eu-west-2:123456789012:key/cccccccc-0000-0000-0000-000000000000"], Condition = { StringEquals = { "kms:ViaService" = ["ssm.eu-west-2.amazonaws.com"] } } },
    ]
    drawing-processor = [
      { Sid = "ConsumeJobs", Action = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"], Resource = ["arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev"] },
      { Sid = "SendContinuationMessages", Action = ["sqs:SendMessage"], Resource = ["arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev"] },
      { Sid = "UpdateJobProgress", Action = ["dynamodb:GetItem", "dynamodb:UpdateItem"], Resource = ["arn:aws:dynamodb:eu-west-2:123456789012:table/Jobs-dev"] },
      { Sid = "ReadDrawings", Action = ["s3:GetObject"], Resource = ["arn:aws:s3:::drawings-lego-moc-dev/drawings/*"] },
      { Sid = "ReadWriteWorkFiles", Action = ["s3:GetObject", "s3:PutObject"], Resource = ["arn:aws:s3:::drawings-lego-moc-dev/jobs/*"] },
      { Sid = "WriteResults", Action = ["s3:PutObject"], Resource = ["arn:aws:s3:::drawings-lego-moc-dev/results/*"] },
      { Sid = "CheckDrawingsAndWorkFilesExist", Action = ["s3:ListBucket"], Resource = ["arn:aws:s3:::drawings-lego-moc-dev"], Condition = { StringLike = { "s3:prefix" = ["drawings/*", "jobs/*"] } } },
      { Sid = "ReadGeminiApiKeyParameter", Action = ["ssm:GetParameter"], Resource = ["arn:aws:ssm:eu-west-2:123456789012:parameter/moc-platform/dev/gemini-api-key"] },
      { Sid = "DecryptGeminiApiKeyParameter", Action = ["kms:Decrypt"], Resource = ["arn:aws:kms:eu-west-2:123456789012:key/bbbbbbbb-0000-0000-0000-000000000000"], Condition = { StringEquals = { "kms:ViaService" = ["ssm.eu-west-2.amazonaws.com"] } } },
    ]
    dlq-handler = [
      { Sid = "ConsumeDeadLetters", Action = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], Resource = ["arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dlq-dev"] },
      { Sid = "MarkJobsFailed", Action = ["dynamodb:GetItem", "dynamodb:UpdateItem"], Resource = ["arn:aws:dynamodb:eu-west-2:123456789012:table/Jobs-dev"] },
      { Sid = "PublishAlerts", Action = ["sns:Publish"], Resource = ["arn:aws:sns:eu-west-2:123456789012:alerts-dev"] },
      { Sid = "EncryptAlertMessages", Action = ["kms:GenerateDataKey", "kms:Decrypt"], Resource = ["arn:aws:kms:eu-west-2:123456789012:key/aaaaaaaa-0000-0000-0000-000000000000"], Condition = { StringEquals = { "kms:ViaService" = ["sns.eu-west-2.amazonaws.com"] } } },
    ]
    # No Scan, no PutItem, no DLQ: the status index, the version-checked claim and the send.
    job-reconciler = [
      { Sid = "FindStaleJobs", Action = ["dynamodb:Query"], Resource = ["arn:aws:dynamodb:eu-west-2:123456789012:table/Jobs-dev/index/StatusIndex"] },
      { Sid = "ClaimStaleJobs", Action = ["dynamodb:GetItem", "dynamodb:UpdateItem"], Resource = ["arn:aws:dynamodb:eu-west-2:123456789012:table/Jobs-dev"] },
      { Sid = "RequeueJobs", Action = ["sqs:SendMessage"], Resource = ["arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev"] },
    ]
  }

  # Who else may reach each bucket, queue, topic and key besides the roles above.
  expected_resource_policies = {
    images_bucket = [
      { Sid = "DenyInsecureTransport", Effect = "Deny", Principal = "*", Action = ["s3:*"], Resource = ["arn:aws:s3:::images-lego-moc-dev", "arn:aws:s3:::images-lego-moc-dev/*"], Condition = { Bool = { "aws:SecureTransport" = ["false"] } } },
      { Sid = "AllowCloudFrontOacRead", Effect = "Allow", Principal = { Service = ["cloudfront.amazonaws.com"] }, Action = ["s3:GetObject"], Resource = ["arn:aws:s3:::images-lego-moc-dev/images/*"], Condition = { StringEquals = { "AWS:SourceArn" = ["arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE"] } } },
    ]
    drawings_bucket = [
      { Sid = "DenyInsecureTransport", Effect = "Deny", Principal = "*", Action = ["s3:*"], Resource = ["arn:aws:s3:::drawings-lego-moc-dev", "arn:aws:s3:::drawings-lego-moc-dev/*"], Condition = { Bool = { "aws:SecureTransport" = ["false"] } } },
    ]
    jobs_queue = [
      { Sid = "DenyInsecureTransport", Effect = "Deny", Principal = "*", Action = ["sqs:*"], Resource = ["arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev"], Condition = { Bool = { "aws:SecureTransport" = ["false"] } } },
    ]
    jobs_dlq = [
      { Sid = "DenyInsecureTransport", Effect = "Deny", Principal = "*", Action = ["sqs:*"], Resource = ["arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dlq-dev"], Condition = { Bool = { "aws:SecureTransport" = ["false"] } } },
    ]
    alerts_topic = [
      { Sid = "AllowCloudWatchAlarmsToPublish", Effect = "Allow", Principal = { Service = ["cloudwatch.amazonaws.com"] }, Action = ["sns:Publish"], Resource = ["arn:aws:sns:eu-west-2:123456789012:alerts-dev"], Condition = { StringEquals = { "aws:SourceAccount" = ["123456789012"] }, ArnLike = { "aws:SourceArn" = ["arn:aws:cloudwatch:eu-west-2:123456789012:alarm:moc-platform-dev-*"] } } },
      { Sid = "AllowBudgetsAndCostAnomalyAlertsToPublish", Effect = "Allow", Principal = { Service = ["budgets.amazonaws.com", "costalerts.amazonaws.com"] }, Action = ["sns:Publish"], Resource = ["arn:aws:sns:eu-west-2:123456789012:alerts-dev"], Condition = { StringEquals = { "aws:SourceAccount" = ["123456789012"] } } },
      { Sid = "DenyInsecureTransport", Effect = "Deny", Principal = "*", Action = ["sns:Publish", "sns:Subscribe", "sns:Receive"], Resource = ["arn:aws:sns:eu-west-2:123456789012:alerts-dev"], Condition = { Bool = { "aws:SecureTransport" = ["false"] } } },
    ]
    # Account root administers each key and delegates its use to IAM (the roles above); the alerting services
    # may use the alerts key only for this account.
    alerts_key = [
      { Sid = "AccountAdministersAndDelegatesToIam", Effect = "Allow", Principal = { AWS = ["arn:aws:iam::123456789012:root"] }, Action = ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"], Resource = ["*"] },
      { Sid = "AllowAlertingServicesToUseKeyForTopic", Effect = "Allow", Principal = { Service = ["cloudwatch.amazonaws.com", "budgets.amazonaws.com", "costalerts.amazonaws.com"] }, Action = ["kms:Decrypt", "kms:GenerateDataKey*"], Resource = ["*"], Condition = { StringEquals = { "aws:SourceAccount" = ["123456789012"] } } },
    ]
    cursor_key_key = [
      { Sid = "AccountAdministersAndDelegatesToIam", Effect = "Allow", Principal = { AWS = ["arn:aws:iam::123456789012:root"] }, Action = ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"], Resource = ["*"] },
    ]
    gemini_api_key_key = [
      { Sid = "AccountAdministersAndDelegatesToIam", Effect = "Allow", Principal = { AWS = ["arn:aws:iam::123456789012:root"] }, Action = ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"], Resource = ["*"] },
    ]
  }
}

run "functions_receive_exactly_the_contract_environment" {
  assert {
    condition     = toset(keys(output.function_environment_variable_names)) == toset(keys(jsondecode(file("../../../../contract/platform-contract.json")).functions))
    error_message = "Terraform deploys exactly the functions the contract lists."
  }
  assert {
    condition = alltrue([
      for name, spec in jsondecode(file("../../../../contract/platform-contract.json")).functions :
      output.function_environment_variable_names[name] == sort(spec.env)
    ])
    error_message = "Each function's environment variable names must equal the contract's list."
  }
  assert {
    condition     = output.function_environment["image-api"].CDN_BASE_URL == "https://d111111abcdef8.cloudfront.net"
    error_message = "CDN_BASE_URL is https://<cloudfront domain>."
  }
  assert {
    condition     = output.function_environment["dlq-handler"].JOBS_QUEUE_ARN == "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev" && output.function_environment["dlq-handler"].JOBS_DLQ_ARN == "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dlq-dev" && output.function_environment["dlq-handler"].ALERTS_TOPIC_ARN == "arn:aws:sns:eu-west-2:123456789012:alerts-dev"
    error_message = "dlq-handler gets the queue, DLQ and topic ARNs."
  }
  assert {
    condition     = output.function_environment["dlq-handler"].DLQ_RUNBOOK_URL == "https://github.com/moc-org/moc-platform/blob/0123abc/docs/runbook.md"
    error_message = "dlq-handler gets the absolute runbook URL its alerts link into."
  }
  assert {
    condition     = !contains(keys(output.function_environment["drawing-processor"]), "GEMINI_API_KEY") && output.function_environment["drawing-processor"].GEMINI_API_KEY_PARAMETER == "/moc-platform/dev/gemini-api-key" && output.function_environment["drawing-processor"].ANALYZER == "offline"
    error_message = "The processor gets the parameter name (never the key) and the analyser."
  }
  assert {
    condition     = output.function_environment["job-api"].JOBS_TABLE == "Jobs-dev" && output.function_environment["job-api"].DRAWINGS_BUCKET == "drawings-lego-moc-dev" && output.function_environment["image-api"].IMAGES_BUCKET == "images-lego-moc-dev"
    error_message = "Names come from the contract."
  }
}

run "functions_meet_the_lambda_baseline" {
  assert {
    condition     = alltrue([for k in ["job-api", "image-api", "dlq-handler"] : output.function_settings[k].jvm_options == "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"]) && output.function_settings["drawing-processor"].jvm_options == null
    error_message = "The short-lived functions start on C1 only; the processor keeps C2 for its long CPU-bound PDF work."
  }
  assert {
    condition     = alltrue([for s in values(output.function_settings) : s.architectures == tolist(["arm64"]) && s.tracing_mode == "Active" && s.log_format == "JSON" && s.log_retention_days == 14])
    error_message = "arm64, X-Ray Active, JSON logs with retention on every function."
  }
  assert {
    condition     = alltrue([for k in ["job-api", "image-api", "dlq-handler"] : output.function_settings[k].snap_start && output.function_settings[k].runtime == "java21" && output.function_settings[k].package_type == "Zip"])
    error_message = "Zip functions run java21 with SnapStart."
  }
  assert {
    condition     = alltrue([for f in values(output.functions) : f.alias_name == "live"])
    error_message = "Every function has a live alias."
  }
  assert {
    condition     = output.function_settings["drawing-processor"].package_type == "Image" && output.function_settings["drawing-processor"].timeout == 900 && output.function_settings["drawing-processor"].memory_size == 1536
    error_message = "The processor is a container image with a 900 s timeout."
  }
  assert {
    condition     = local.processor_code.image_uri == "123456789012.dkr.ecr.eu-west-2.amazonaws.com/drawing-processor-dev:abc123" && data.aws_ecr_repository.processor[0].name == "drawing-processor-dev" && output.processor_repository_url == "123456789012.dkr.ecr.eu-west-2.amazonaws.com/drawing-processor-dev"
    error_message = "The processor runs the tagged image from the repository the account bootstrap created (looked up by the function's name, not created here)."
  }
  assert {
    condition     = output.function_settings["job-api"].handler == "io.mocplatform.jobapi.api.JobApiHandler" && output.function_settings["drawing-processor"].handler == "io.mocplatform.processor.api.DrawingJobHandler"
    error_message = "Handlers come from the contract."
  }
}

run "functions_release_through_codedeploy_canaries" {
  assert {
    condition = output.deployments == {
      job-api           = { application = "job-api-dev", deployment_group = "job-api-dev-live", function_name = "job-api-dev", alias = "live" }
      image-api         = { application = "image-api-dev", deployment_group = "image-api-dev-live", function_name = "image-api-dev", alias = "live" }
      dlq-handler       = { application = "dlq-handler-dev", deployment_group = "dlq-handler-dev-live", function_name = "dlq-handler-dev", alias = "live" }
      drawing-processor = { application = "drawing-processor-dev", deployment_group = "drawing-processor-dev-live", function_name = "drawing-processor-dev", alias = "live" }
      job-reconciler    = { application = "job-reconciler-dev", deployment_group = "job-reconciler-dev-live", function_name = "job-reconciler-dev", alias = "live" }
    }
    error_message = "Every function (the image-packaged processor too) has a CodeDeploy target in the shape tools/deploy/release.sh reads."
  }
  assert {
    condition     = alltrue([for d in values(output.deployment_settings) : d.compute_platform == "Lambda" && d.deployment_config_name == "CodeDeployDefault.LambdaCanary10Percent5Minutes" && d.rollback_enabled && d.rollback_events == tolist(["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]) && d.alarms_enabled])
    error_message = "10 % / 5 minutes canary, rolled back automatically on failure and on alarm."
  }
  assert {
    condition     = output.deployment_settings["image-api"].alarms == tolist(["moc-platform-dev-image-api-canary-error-rate", "moc-platform-dev-image-api-error-rate", "moc-platform-dev-image-api-p95-duration"]) && output.deployment_settings["job-api"].alarms == tolist(["moc-platform-dev-job-api-canary-error-rate", "moc-platform-dev-job-api-error-rate"]) && output.deployment_settings["dlq-handler"].alarms == tolist(["moc-platform-dev-dlq-handler-canary-error-rate", "moc-platform-dev-dlq-handler-error-rate"]) && output.deployment_settings["drawing-processor"].alarms == tolist(["moc-platform-dev-drawing-processor-canary-error-rate", "moc-platform-dev-drawing-processor-error-rate"]) && output.deployment_settings["job-reconciler"].alarms == tolist(["moc-platform-dev-job-reconciler-canary-error-rate", "moc-platform-dev-job-reconciler-error-rate"])
    error_message = "Each deployment group watches its own function's canary (released version), error-rate and duration alarms from the monitoring module."
  }
  assert {
    condition     = alltrue(flatten([for k in keys(output.deployment_settings) : [for a in output.deployment_settings[k].alarms : contains(keys(output.alarms), a)]]))
    error_message = "The deployment groups name alarms that the monitoring module creates."
  }
  assert {
    condition     = alltrue([for d in values(output.deployment_settings) : length(d.service_role_policies) == 1 && d.service_role_policies[0] == "arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited"])
    error_message = "CodeDeploy's service roles carry only AWSCodeDeployRoleForLambdaLimited."
  }
  assert {
    condition     = alltrue([for d in values(output.deployment_settings) : d.service_role_boundary == "arn:aws:iam::123456789012:policy/moc-platform-dev-function-boundary"]) && alltrue([for f in values(output.function_settings) : f.role_boundary == "arn:aws:iam::123456789012:policy/moc-platform-dev-function-boundary"])
    error_message = "Every role the stack creates carries the environment's permissions boundary (created by bootstrap, required by the deploy role's apply policy)."
  }
}

run "event_sources_batch_and_partial_failures" {
  assert {
    condition     = output.function_settings["drawing-processor"].event_sources["jobs"].event_source_arn == "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev" && output.function_settings["drawing-processor"].event_sources["jobs"].batch_size == 1
    error_message = "The processor consumes the main queue one message at a time."
  }
  assert {
    condition     = output.function_settings["dlq-handler"].event_sources["dead_letters"].event_source_arn == "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dlq-dev" && output.function_settings["dlq-handler"].event_sources["dead_letters"].batch_size == 10
    error_message = "The DLQ handler consumes the DLQ in batches of 10."
  }
  assert {
    condition     = alltrue([for k in ["drawing-processor", "dlq-handler"] : alltrue([for e in values(output.function_settings[k].event_sources) : e.function_response_types == toset(["ReportBatchItemFailures"]) && endswith(e.function_name, ":live")])])
    error_message = "Mappings report batch item failures and invoke the live alias."
  }
  assert {
    condition     = output.jobs_queue.settings.sse_enabled && output.jobs_queue.settings.visibility_timeout_seconds == 1800 && output.jobs_queue.settings.max_receive_count == 3 && output.jobs_queue.settings.dlq_message_retention_seconds == 1209600
    error_message = "Queue: encrypted, visibility 1800 s, 3 receives, DLQ kept 14 days."
  }
}

run "roles_are_least_privilege" {
  assert {
    condition     = alltrue(flatten([for p in values(output.function_policies) : [for s in p.Statement : [for a in s.Action : a != "*" && !endswith(a, ":*")]]]))
    error_message = "No wildcard actions in any role."
  }
  assert {
    condition     = alltrue(flatten([for p in values(output.function_policies) : [for s in p.Statement : [for r in s.Resource : s.Sid == "WriteTraces" || startswith(r, "arn:aws:")]]]))
    error_message = "Every resource (except X-Ray, which has no resource-level permissions) is an exact ARN."
  }
  assert {
    condition     = length(distinct([for f in values(output.functions) : f.role_name])) == 5
    error_message = "One role per function."
  }
}

# Each role's policy is compared, as a set of whole statements (sid, effect, actions, resources, conditions), with
# the reviewed list in var.expected_role_statements: a statement too many, too few or changed in any part fails,
# whether it came from the contract or from Terraform. Only the module's own log and X-Ray statements are left out
# (lambda-function's tests cover them).
run "roles_are_exactly_the_reviewed_statements" {
  command = plan

  module {
    source = "./tests/policy-diff"
  }

  variables {
    actual       = run.roles_are_least_privilege.function_policies
    expected     = var.expected_role_statements
    ignored_sids = ["WriteOwnLogs", "WriteTraces"]
  }

  assert {
    condition     = output.names.actual == output.names.expected
    error_message = "Roles ${jsonencode(output.names.actual)} differ from the reviewed ${jsonencode(output.names.expected)}."
  }
  assert {
    condition     = length(output.unexpected) == 0
    error_message = "Granted but not reviewed: ${jsonencode(output.unexpected)}"
  }
  assert {
    condition     = length(output.missing) == 0
    error_message = "Reviewed but not granted: ${jsonencode(output.missing)}"
  }
}

run "roles_are_exactly_the_contract_permissions" {
  assert {
    condition = alltrue([
      for name, statements in jsondecode(file("../../../../contract/platform-contract.json")).permissions :
      toset([for s in output.function_policies[name].Statement : s.Sid if !contains(["WriteOwnLogs", "WriteTraces"], s.Sid)]) == toset([for s in statements : s.sid])
    ])
    error_message = "Each role has exactly the statements its function lists in the contract, and no hand-written extras."
  }
}

# Resource policies decide who else may reach the data: each is compared, statement by statement (sid, effect,
# principal, actions, resources, conditions), with the intended list in var.expected_resource_policies. A grant to
# another account or principal, or a missing TLS denial, fails here.
run "resource_policies_are_exactly_their_intended_statements" {
  command = plan

  module {
    source = "./tests/policy-diff"
  }

  variables {
    actual   = run.roles_are_least_privilege.resource_policies
    expected = var.expected_resource_policies
  }

  assert {
    condition     = output.names.actual == output.names.expected
    error_message = "Resource policies ${jsonencode(output.names.actual)} differ from the intended ${jsonencode(output.names.expected)}."
  }
  assert {
    condition     = length(output.unexpected) == 0
    error_message = "In a resource policy but not intended: ${jsonencode(output.unexpected)}"
  }
  assert {
    condition     = length(output.missing) == 0
    error_message = "Intended but not in the resource policy: ${jsonencode(output.missing)}"
  }
}

run "reconciler_runs_on_the_contract_schedule_through_its_live_alias" {
  assert {
    condition     = output.reconciler_schedule.schedule_expression == "rate(5 minutes)" && output.reconciler_schedule.principal == "events.amazonaws.com" && output.reconciler_schedule.qualifier == "live"
    error_message = "EventBridge invokes job-reconciler's live alias every 5 minutes (the contract's schedule)."
  }
  assert {
    condition     = output.reconciler_schedule.target_arn == output.functions["job-reconciler"].alias_arn
    error_message = "The rule targets the live alias, which CodeDeploy moves, not $LATEST."
  }
  assert {
    condition     = output.reconciler_schedule.stale_job_after == "3600s"
    error_message = "A job counts as forgotten after twice the queue's 1800 s visibility timeout."
  }
  assert {
    condition     = toset(keys(output.function_environment["job-reconciler"])) == toset(["APP_ENV", "JOBS_QUEUE_URL", "JOBS_TABLE", "STALE_JOB_AFTER"])
    error_message = "job-reconciler gets exactly the contract's variables."
  }
}

run "cursor_key_is_generated_and_readable_only_by_the_apis" {
  assert {
    condition     = output.cursor_key_parameter_name == "/moc-platform/dev/cursor-signing-key" && output.cursor_key_parameter_name == replace(jsondecode(file("../../../../contract/platform-contract.json")).resources.cursor_key_parameter, "{env}", "dev")
    error_message = "The cursor key parameter has the contract's name for this environment."
  }
  assert {
    condition     = nonsensitive(module.cursor_key.settings.type) == "SecureString" && nonsensitive(module.cursor_key.settings.key_id) == "arn:aws:kms:eu-west-2:123456789012:key/cccccccc-0000-0000-0000-000000000000" && nonsensitive(module.cursor_key.settings.key_rotation)
    error_message = "The cursor key is a SecureString under its own rotating CMK (not the Gemini key's)."
  }
  assert {
    condition     = nonsensitive(module.cursor_key.settings.value_source) == "generated" && nonsensitive(module.cursor_key.settings.value_wo_version) == 1
    error_message = "Terraform generates the cursor key (write-only, version 1 by default)."
  }
  assert {
    condition     = nonsensitive(module.gemini_api_key.settings.value_source) == "operator" && !nonsensitive(module.gemini_api_key.settings.managed_by_terraform) && nonsensitive(module.cursor_key.settings.managed_by_terraform)
    error_message = "The Gemini key is created by the operator and is no Terraform resource (its value never reaches state or a plan); only the generated cursor key is managed, write-only."
  }
  assert {
    condition = alltrue([for k in ["job-api", "image-api"] : output.function_environment[k].CURSOR_KEY_PARAMETER == "/moc-platform/dev/cursor-signing-key"]) && alltrue([
      for k in ["drawing-processor", "dlq-handler"] : !contains(keys(output.function_environment[k]), "CURSOR_KEY_PARAMETER")
    ])
    error_message = "Only job-api and image-api receive CURSOR_KEY_PARAMETER."
  }
  assert {
    condition = alltrue([for k in ["job-api", "image-api"] : output.function_environment[k].CURSOR_KEY_VERSION == "1"]) && alltrue([
      for k in ["drawing-processor", "dlq-handler"] : !contains(keys(output.function_environment[k]), "CURSOR_KEY_VERSION")
    ])
    error_message = "The APIs (only) carry the cursor key version, 1 by default."
  }
  assert {
    condition = alltrue([for k in ["job-api", "image-api"] : (
      flatten([for st in output.function_policies[k].Statement : st.Resource if contains(st.Action, "ssm:GetParameter")]) == ["arn:aws:ssm:eu-west-2:123456789012:parameter/moc-platform/dev/cursor-signing-key"]
      && flatten([for st in output.function_policies[k].Statement : st.Resource if contains(st.Action, "kms:Decrypt")]) == ["arn:aws:kms:eu-west-2:123456789012:key/cccccccc-0000-0000-0000-000000000000"]
    )])
    error_message = "Each API reads exactly the cursor key parameter and decrypts only with its key."
  }
  assert {
    condition = alltrue([for k in ["drawing-processor", "dlq-handler"] : alltrue([
      for st in output.function_policies[k].Statement : !contains(st.Resource, "arn:aws:ssm:eu-west-2:123456789012:parameter/moc-platform/dev/cursor-signing-key") && !contains(st.Resource, "arn:aws:kms:eu-west-2:123456789012:key/cccccccc-0000-0000-0000-000000000000")
    ])])
    error_message = "The processor and dlq-handler can neither read the cursor key parameter nor decrypt with its key."
  }
}

run "cursor_key_version_rotates_the_key" {
  variables {
    cursor_key_version = 2
  }
  assert {
    condition     = nonsensitive(module.cursor_key.settings.value_wo_version) == 2
    error_message = "A new cursor_key_version writes a new key."
  }
  assert {
    condition     = alltrue([for k in ["job-api", "image-api"] : output.function_environment[k].CURSOR_KEY_VERSION == "2"])
    error_message = "A rotation changes the APIs' configuration, so new versions replace the containers holding the old key."
  }
}

run "apis_routes_and_authorizer" {
  assert {
    condition     = toset(keys(output.job_api.routes)) == toset(["POST /drawings", "POST /process-drawing", "GET /status/{job_id}", "GET /jobs", "DELETE /jobs/{job_id}", "POST /jobs/{job_id}/retry"])
    error_message = "job-api routes."
  }
  assert {
    condition     = toset(keys(output.image_api.routes)) == toset(["POST /images", "POST /images/{imageId}/complete", "GET /images/{imageId}", "GET /images", "PATCH /images/{imageId}", "DELETE /images/{imageId}"])
    error_message = "image-api routes."
  }
  assert {
    condition     = alltrue([for r in concat(values(output.job_api.routes), values(output.image_api.routes)) : r.authorization_type == "JWT"])
    error_message = "JWT authorizer on every route."
  }
  assert {
    condition     = output.job_api.settings.stage_name == "$default" && output.image_api.settings.payload_versions == tolist(["2.0"]) && output.image_api.settings.cors_allow_origins == tolist(["https://lego-moc.com", "https://www.lego-moc.com"])
    error_message = "$default stage, payload 2.0, CORS for the site's origins."
  }
  assert {
    condition = (
      alltrue([for api in [output.job_api, output.image_api] : api.settings.jwt_issuer == "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_example" && api.settings.jwt_audience == tolist(["client"])])
      && length(module.user_pool) == 0 && output.user_pool == null
    )
    error_message = "Without user_pool, both authorizers trust the given issuer and audiences, and no pool is created."
  }
}

run "user_pool_created_with_the_stack_backs_the_authorizers" {
  variables {
    jwt       = null
    user_pool = { enabled = true }
  }
  override_resource {
    target = module.user_pool[0].aws_cognito_user_pool.this
    values = { id = "eu-west-2_AbCdEf123", arn = "arn:aws:cognito-idp:eu-west-2:123456789012:userpool/eu-west-2_AbCdEf123" }
  }
  override_resource {
    target = module.user_pool[0].aws_cognito_user_pool_client.app
    values = { id = "4example0client0id000000aa" }
  }
  assert {
    condition     = alltrue([for api in [output.job_api, output.image_api] : api.settings.jwt_issuer == "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbCdEf123" && api.settings.jwt_audience == tolist(["4example0client0id000000aa"])])
    error_message = "Both authorizers trust the pool created here (its issuer URL) and its app client (the audience)."
  }
  assert {
    condition     = output.user_pool == { id = "eu-west-2_AbCdEf123", arn = "arn:aws:cognito-idp:eu-west-2:123456789012:userpool/eu-west-2_AbCdEf123", client_id = "4example0client0id000000aa", issuer = "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbCdEf123" }
    error_message = "The pool's id, client id and issuer are outputs (smoke-test and end-to-end users are created in it)."
  }
}

run "rejects_no_identity_provider" {
  command = plan
  variables {
    jwt = null
  }
  expect_failures = [var.jwt]
}

run "rejects_both_identity_providers" {
  command = plan
  variables {
    user_pool = { enabled = true }
  }
  expect_failures = [var.jwt]
}

run "images_bucket_readable_only_by_the_distribution" {
  assert {
    condition = anytrue([
      for s in output.data_stores.images_bucket.policy.Statement :
      s.Sid == "AllowCloudFrontOacRead" && try(s.Principal.Service, []) == ["cloudfront.amazonaws.com"] && try(s.Condition.StringEquals["AWS:SourceArn"], []) == ["arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE"]
    ])
    error_message = "The image bucket policy admits only this distribution (OAC)."
  }
  assert {
    condition     = output.cdn_settings.uses_oac && !output.cdn_settings.uses_legacy_oai && output.cdn_settings.viewer_protocol_policy == "redirect-to-https" && output.cdn_settings.price_class == "PriceClass_100"
    error_message = "CloudFront: OAC (not OAI), HTTPS redirect, PRICE_CLASS_100."
  }
  assert {
    condition     = length(output.alarms) == 21 && length([for k in keys(output.alarms) : k if endswith(k, "-canary-error-rate")]) == 5 && contains(keys(output.alarms), "moc-platform-dev-job-api-enqueue-failed") && contains(keys(output.alarms), "moc-platform-dev-job-reconciler-jobs-requeued") && alltrue([for a in values(output.alarms) : length(a.alarm_actions) == 1 && length(a.ok_actions) == 1])
    error_message = "The required alarms, the enqueue-failure and jobs-requeued alarms exist and all have alarm and OK actions."
  }
}

run "security_baseline" {
  assert {
    condition     = alltrue([for p in [output.jobs_queue.settings.queue_policy, output.jobs_queue.settings.dlq_policy] : anytrue([for s in p.Statement : s.Effect == "Deny" && try(s.Condition.Bool["aws:SecureTransport"], "") == "false"])])
    error_message = "SQS: TLS-only queue policies."
  }
  assert {
    condition     = alltrue([for b in [output.data_stores.images_bucket, output.data_stores.drawings_bucket] : alltrue(values(b.public_access_block)) && b.object_ownership == "BucketOwnerEnforced" && b.sse_algorithm != null && b.versioning_status == "Enabled" && anytrue([for s in b.policy.Statement : s.Effect == "Deny" && try(s.Condition.Bool["aws:SecureTransport"], "") == "false"])])
    error_message = "S3: public access blocked, ACLs off, encrypted, versioned, TLS-only."
  }
  assert {
    condition     = alltrue([for b in [output.data_stores.images_bucket, output.data_stores.drawings_bucket] : b.lifecycle_rules["abort-incomplete-multipart-uploads"].abort_multipart_days == 1 && b.cors_rules[0].allowed_origins == tolist(["https://lego-moc.com", "https://www.lego-moc.com"])])
    error_message = "S3: abort multipart after 1 day, CORS only for the site."
  }
  assert {
    condition     = alltrue([for t in [output.data_stores.jobs_table, output.data_stores.images_table] : t.sse && t.ttl_enabled && t.ttl_attribute == "ttl"])
    error_message = "DynamoDB: encrypted, TTL on ttl."
  }
  assert {
    condition     = output.job_api.settings.access_log_format.requestId == "$context.requestId" && output.image_api.settings.throttling_rate_limit > 0
    error_message = "API Gateway: JSON access logs and default route throttling."
  }
  assert {
    condition     = output.monitoring_settings.key_rotation && output.monitoring_settings.topic_kms_key != null && anytrue([for s in output.monitoring_settings.topic_policy.Statement : s.Effect == "Deny" && try(s.Condition.Bool["aws:SecureTransport"], "") == "false"])
    error_message = "SNS: CMK with rotation, TLS-only topic policy."
  }
}

run "zip_artifacts_from_s3" {
  variables {
    artifacts = { s3_bucket = "moc-platform-artifacts", s3_key_prefix = "builds/abc123/" }
    processor = { package_type = "Zip" }
  }
  assert {
    condition     = output.function_settings["drawing-processor"].package_type == "Zip" && output.function_settings["drawing-processor"].snap_start
    error_message = "The processor has a zip alternative."
  }
  assert {
    condition     = length(data.aws_ecr_repository.processor) == 0 && output.processor_repository_url == null
    error_message = "A zip-packaged processor does not look up an image repository (an account without one can deploy it)."
  }
  assert {
    condition     = output.deployments["drawing-processor"] == { application = "drawing-processor-dev", deployment_group = "drawing-processor-dev-live", function_name = "drawing-processor-dev", alias = "live" }
    error_message = "A zip-packaged processor is released through CodeDeploy as well."
  }
}

run "api_provisioned_concurrency_turns_snapstart_off" {
  variables {
    api_functions = { provisioned_concurrency = 2 }
  }
  assert {
    condition     = output.function_settings["job-api"].provisioned_concurrency == 2 && !output.function_settings["job-api"].snap_start && output.function_settings["dlq-handler"].snap_start
    error_message = "Provisioned concurrency applies to the API functions (without SnapStart, which Lambda does not allow together)."
  }
}

run "rejects_fractional_cursor_key_version" {
  command = plan
  variables {
    cursor_key_version = 1.5
  }
  expect_failures = [var.cursor_key_version]
}

run "rejects_processor_image_without_tag" {
  command = plan
  variables {
    processor = {}
  }
  expect_failures = [var.processor]
}

run "rejects_unknown_analyzer" {
  command = plan
  variables {
    analyzer = "openai"
  }
  expect_failures = [var.analyzer]
}

run "rejects_api_timeout_beyond_gateway_limit" {
  command = plan
  variables {
    api_functions = { timeout = 30 }
  }
  expect_failures = [var.api_functions]
}

run "rejects_missing_local_zip" {
  command = plan
  variables {
    artifacts = { local_root = "../../tests/fixtures" }
  }
  expect_failures = [var.artifacts]
}

run "rejects_artifacts_without_source" {
  command = plan
  variables {
    artifacts = {}
  }
  expect_failures = [var.artifacts]
}

run "rejects_short_retention_in_prod" {
  command = plan
  variables {
    environment        = "prod"
    log_retention_days = 30
    data_protection    = { point_in_time_recovery = true, deletion_protection = true, retain_data = true }
  }
  expect_failures = [var.log_retention_days]
}

run "rejects_unprotected_prod_data" {
  command = plan
  variables {
    environment        = "prod"
    log_retention_days = 90
  }
  expect_failures = [var.data_protection]
}

run "rejects_repository_relative_runbook_url" {
  command = plan
  variables {
    dlq_runbook_url = "docs/runbook.md"
  }
  expect_failures = [var.dlq_runbook_url]
}

run "rejects_runbook_url_with_a_section" {
  command = plan
  variables {
    dlq_runbook_url = "https://github.com/moc-org/moc-platform/blob/main/docs/runbook.md#dead-lettered-job"
  }
  expect_failures = [var.dlq_runbook_url]
}

run "rejects_plain_http_runbook_url" {
  command = plan
  variables {
    dlq_runbook_url = "http://wiki.example.com/runbook"
  }
  expect_failures = [var.dlq_runbook_url]
}

run "rejects_processor_timeout_too_short_for_one_analysis" {
  command = plan
  variables {
    processor = { image_tag = "abc123", timeout = 120 }
  }
  expect_failures = [var.processor]
}
