# What only prod decides; the shared security baseline, required settings and contract drift are asserted once in
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

run "prod_stack" {
  assert {
    condition     = output.platform.jobs_table_name == "Jobs-prod" && output.platform.images_table_name == "ImageMetadata-prod" && output.platform.images_bucket_name == "images-lego-moc-prod" && output.platform.drawings_bucket_name == "drawings-lego-moc-prod"
    error_message = "Names follow the contract for prod."
  }
  assert {
    condition     = alltrue([for s in values(output.platform.function_settings) : s.log_retention_days == 90]) && output.platform.job_api.settings.access_log_retention == 90 && output.platform.image_api.settings.access_log_retention == 90
    error_message = "prod keeps function and access logs 90 days."
  }
  assert {
    condition     = output.platform.function_settings["drawing-processor"].memory_size == 3008 && output.platform.function_settings["drawing-processor"].timeout == 900 && output.platform.function_settings["drawing-processor"].package_type == "Image" && output.platform.function_settings["job-api"].memory_size == 1024
    error_message = "prod sizing: processor 3008 MB / 900 s from the ECR image, APIs 1024 MB."
  }
  assert {
    condition     = output.platform.function_environment["drawing-processor"].ANALYZER == "gemini" && output.platform.function_environment["drawing-processor"].GEMINI_API_KEY_PARAMETER == "/moc-platform/prod/gemini-api-key"
    error_message = "prod uses the gemini analyser (and its own Gemini key parameter)."
  }
  assert {
    condition     = output.platform.cursor_key_parameter_name == "/moc-platform/prod/cursor-signing-key" && output.platform.function_environment["job-api"].CURSOR_KEY_PARAMETER == "/moc-platform/prod/cursor-signing-key" && output.platform.function_environment["image-api"].CURSOR_KEY_PARAMETER == "/moc-platform/prod/cursor-signing-key"
    error_message = "prod has its own generated cursor signing key, named for both APIs."
  }
  assert {
    condition     = alltrue([for k in ["job-api", "image-api"] : output.platform.function_settings[k].provisioned_concurrency == 2 && output.platform.function_settings[k].snap_start == false])
    error_message = "API functions: provisioned concurrency 2 (SnapStart off, as Lambda requires)."
  }
  assert {
    condition     = output.platform.data_stores.jobs_table.pitr == true && output.platform.data_stores.images_table.pitr == true
    error_message = "PITR is true in prod."
  }
  assert {
    condition     = output.platform.data_stores.jobs_table.deletion_protection == true && output.platform.data_stores.images_table.deletion_protection == true
    error_message = "Deletion protection is true in prod."
  }
  assert {
    condition     = !output.platform.data_stores.images_bucket.force_destroy && !output.platform.data_stores.drawings_bucket.force_destroy
    error_message = "Bucket contents are retained in prod."
  }
}
