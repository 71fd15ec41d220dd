# What only dev decides; the shared security baseline, required settings and contract drift are asserted once in
# modules/platform/tests.
mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  jwt_issuer          = "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_example"
  jwt_audience        = ["client-id"]
  dlq_runbook_url     = "https://github.com/moc-org/moc-platform/blob/0123abc/docs/runbook.md"
  processor_image_tag = "0123abc"
  # Zips from the artifacts bucket: the local Maven output may be rebuilt while the tests run.
  artifacts_bucket     = "moc-platform-artifacts"
  artifacts_key_prefix = "builds/0123abc/"
}

run "dev_stack" {
  assert {
    condition     = keys(output.deployments) == ["dlq-handler", "drawing-processor", "image-api", "job-api", "job-reconciler"] && output.deployments["job-api"] == { application = "job-api-dev", deployment_group = "job-api-dev-live", function_name = "job-api-dev", alias = "live" }
    error_message = "The root exposes the CodeDeploy targets of the five functions as `deployments` (tools/deploy/release.sh)."
  }
  assert {
    condition     = output.platform.jobs_table_name == "Jobs-dev" && output.platform.images_table_name == "ImageMetadata-dev" && output.platform.images_bucket_name == "images-lego-moc-dev" && output.platform.drawings_bucket_name == "drawings-lego-moc-dev"
    error_message = "Names follow the contract for dev."
  }
  assert {
    condition     = alltrue([for s in values(output.platform.function_settings) : s.log_retention_days == 14]) && output.platform.job_api.settings.access_log_retention == 14 && output.platform.image_api.settings.access_log_retention == 14
    error_message = "dev keeps function and access logs 14 days."
  }
  assert {
    condition     = output.platform.function_settings["drawing-processor"].memory_size == 1536 && output.platform.function_settings["drawing-processor"].timeout == 300 && output.platform.function_settings["job-api"].timeout == 10 && output.platform.function_settings["drawing-processor"].package_type == "Image" && output.platform.function_settings["job-api"].memory_size == 768
    error_message = "dev sizing: processor 1536 MB / 900 s from the ECR image, APIs 768 MB."
  }
  assert {
    condition     = output.platform.function_environment["drawing-processor"].ANALYZER == "offline" && output.platform.function_environment["drawing-processor"].GEMINI_API_KEY_PARAMETER == "/moc-platform/dev/gemini-api-key"
    error_message = "dev uses the offline analyser (and its own Gemini key parameter)."
  }
  assert {
    condition     = output.platform.cursor_key_parameter_name == "/moc-platform/dev/cursor-signing-key" && output.platform.function_environment["job-api"].CURSOR_KEY_PARAMETER == "/moc-platform/dev/cursor-signing-key" && output.platform.function_environment["image-api"].CURSOR_KEY_PARAMETER == "/moc-platform/dev/cursor-signing-key"
    error_message = "dev has its own generated cursor signing key, named for both APIs."
  }
  assert {
    condition     = alltrue([for k in ["job-api", "image-api"] : output.platform.function_settings[k].provisioned_concurrency == 0 && output.platform.function_settings[k].snap_start == true])
    error_message = "API functions: provisioned concurrency 0, SnapStart on."
  }
  assert {
    condition     = output.platform.data_stores.jobs_table.pitr == false && output.platform.data_stores.images_table.pitr == false
    error_message = "PITR is false in dev."
  }
  assert {
    condition     = output.platform.data_stores.jobs_table.deletion_protection == false && output.platform.data_stores.images_table.deletion_protection == false
    error_message = "Deletion protection is false in dev."
  }
  assert {
    condition     = output.platform.data_stores.images_bucket.force_destroy && output.platform.data_stores.drawings_bucket.force_destroy
    error_message = "Bucket contents are disposable in dev."
  }
  assert {
    condition     = output.user_pool == null && output.platform.jwt.issuer == "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_example" && output.platform.jwt.audience == tolist(["client-id"])
    error_message = "With jwt_issuer/jwt_audience the APIs trust that pool and the stack creates none."
  }
}

run "dev_stack_with_its_own_user_pool" {
  variables {
    jwt_issuer       = null
    jwt_audience     = null
    create_user_pool = true
  }
  assert {
    condition     = output.user_pool != null && output.platform.jwt.issuer == output.user_pool.issuer && output.platform.jwt.audience == tolist([output.user_pool.client_id]) && startswith(output.user_pool.issuer, "https://cognito-idp.eu-west-2.amazonaws.com/")
    error_message = "create_user_pool: the APIs trust the pool created with the stack (what the workflow gets when JWT_AUDIENCE is unset)."
  }
}
