variables {
  environment = "dev"
  # The broken contracts below fail before any value matters; one set of stand-ins serves them all.
  stub_permission_values = { region = "eu-west-2", account = "123456789012", alerts_kms_key_arn = "a", cursor_key_kms_key_arn = "c", gemini_api_key_kms_key_arn = "g" }
}

run "resolves_contract_names_for_dev" {
  command = plan

  assert {
    condition     = output.resources.jobs_table == "Jobs-dev" && output.resources.images_table == "ImageMetadata-dev"
    error_message = "Table names must follow the contract patterns."
  }
  assert {
    condition     = output.resources.images_bucket == "images-lego-moc-dev" && output.resources.drawings_bucket == "drawings-lego-moc-dev"
    error_message = "Bucket names must follow the contract patterns when no suffix is given."
  }
  assert {
    condition     = output.resources.jobs_queue == "drawing-jobs-dev" && output.resources.jobs_dlq == "drawing-jobs-dlq-dev"
    error_message = "Queue names must follow the contract patterns."
  }
  assert {
    condition     = output.resources.gemini_api_key_parameter == "/moc-platform/dev/gemini-api-key"
    error_message = "The Gemini key parameter name must follow the contract pattern."
  }
  assert {
    condition     = output.resources.cursor_key_parameter == "/moc-platform/dev/cursor-signing-key"
    error_message = "The cursor signing key parameter name must follow the contract pattern."
  }
  assert {
    condition     = output.indexes.jobs_by_owner == "OwnerIndex" && output.indexes.images_by_user == "UserIndex" && output.indexes.images_by_album == "AlbumIndex"
    error_message = "Index names must come from the contract."
  }
  assert {
    condition     = output.functions["drawing-processor"].package == "image" && output.functions["job-api"].package == "zip"
    error_message = "Packaging must come from the contract."
  }
  assert {
    condition     = output.functions["dlq-handler"].function_name == "dlq-handler-dev"
    error_message = "Function names are <function>-<env>."
  }
  assert {
    condition     = output.functions["job-api"].env == sort(jsondecode(file("${path.module}/../../../../contract/platform-contract.json")).functions["job-api"].env)
    error_message = "Environment variable names must be the contract's list."
  }
}

run "suffix_applies_to_buckets_only" {
  command = plan

  variables {
    environment        = "prod"
    bucket_name_suffix = "acme"
  }

  assert {
    condition     = output.resources.images_bucket == "images-lego-moc-prod-acme" && output.resources.drawings_bucket == "drawings-lego-moc-prod-acme"
    error_message = "The suffix must be appended to bucket names."
  }
  assert {
    condition     = output.resources.jobs_table == "Jobs-prod" && output.resources.alerts_topic == "alerts-prod"
    error_message = "The suffix must not touch non-bucket names."
  }
  assert {
    condition     = output.resources.cursor_key_parameter == "/moc-platform/prod/cursor-signing-key"
    error_message = "Parameter names follow the environment and take no bucket suffix."
  }
}

run "rejects_unknown_environment" {
  command = plan

  variables {
    environment = "qa"
  }

  expect_failures = [var.environment]
}

run "rejects_bad_suffix" {
  command = plan

  variables {
    bucket_name_suffix = "Not_Valid"
  }

  expect_failures = [var.bucket_name_suffix]
}

run "rejects_non_json_contract_path" {
  command = plan

  variables {
    contract_path = "contract.yaml"
  }

  expect_failures = [var.contract_path]
}

run "renders_permission_placeholders" {
  command = plan

  variables {
    environment        = "prod"
    bucket_name_suffix = "acme"
    permission_values = {
      region                     = "eu-west-2"
      account                    = "123456789012"
      alerts_kms_key_arn         = "arn:aws:kms:eu-west-2:123456789012:key/alerts"
      cursor_key_kms_key_arn     = "arn:aws:kms:eu-west-2:123456789012:key/cursor"
      gemini_api_key_kms_key_arn = "arn:aws:kms:eu-west-2:123456789012:key/gemini"
    }
  }

  assert {
    condition = [for s in output.permissions["job-api"] : s if s.sid == "CheckDrawingExists"] == [{
      sid        = "CheckDrawingExists"
      actions    = ["s3:ListBucket"]
      resources  = ["arn:aws:s3:::drawings-lego-moc-prod-acme"]
      conditions = [{ test = "StringLike", variable = "s3:prefix", values = ["drawings/*"] }]
    }]
    error_message = "Bucket placeholders render the real (suffixed) bucket name; literal prefixes stay."
  }
  assert {
    condition     = [for s in output.permissions["job-api"] : s.resources if s.sid == "ListJobsByOwner"] == [["arn:aws:dynamodb:eu-west-2:123456789012:table/Jobs-prod/index/OwnerIndex"]]
    error_message = "Region, account, table and index placeholders render in one ARN."
  }
  assert {
    condition     = [for s in output.permissions["job-api"] : s.resources if s.sid == "ReadCursorSigningKeyParameter"] == [["arn:aws:ssm:eu-west-2:123456789012:parameter/moc-platform/prod/cursor-signing-key"]]
    error_message = "A parameter ARN is parameter followed by the parameter name (which starts with /)."
  }
  assert {
    condition = [for s in output.permissions["dlq-handler"] : s if s.sid == "EncryptAlertMessages"] == [{
      sid        = "EncryptAlertMessages"
      actions    = ["kms:GenerateDataKey", "kms:Decrypt"]
      resources  = ["arn:aws:kms:eu-west-2:123456789012:key/alerts"]
      conditions = [{ test = "StringEquals", variable = "kms:ViaService", values = ["sns.eu-west-2.amazonaws.com"] }]
    }]
    error_message = "Deployment-only placeholders (KMS key ARNs) come from permission_values, in resources and condition values."
  }
  assert {
    condition     = alltrue(flatten([for statements in values(output.permissions) : [for s in statements : [for r in concat(s.resources, flatten([for c in s.conditions : c.values])) : !strcontains(r, "{")]]]))
    error_message = "No placeholder is left in any rendered statement."
  }
  assert {
    condition     = sort(keys(output.permissions)) == sort(keys(output.functions))
    error_message = "Every function has its permissions."
  }
}

run "rejects_a_permission_placeholder_without_a_value" {
  command = plan

  variables {
    contract_path     = "tests/contracts/unknown-placeholder.json"
    permission_values = var.stub_permission_values
  }

  expect_failures = [output.permissions]
}

run "rejects_a_wildcard_permission_action" {
  command = plan

  variables {
    contract_path     = "tests/contracts/wildcard-action.json"
    permission_values = var.stub_permission_values
  }

  expect_failures = [output.permissions]
}

run "rejects_a_function_without_permissions" {
  command = plan

  variables {
    contract_path     = "tests/contracts/missing-function.json"
    permission_values = var.stub_permission_values
  }

  expect_failures = [output.permissions]
}
