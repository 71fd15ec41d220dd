variables {
  environment = "dev"
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
