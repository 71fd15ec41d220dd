locals {
  contract_path = coalesce(var.contract_path, "${path.module}/../../../../contract/platform-contract.json")
  contract      = jsondecode(file(local.contract_path))

  required_resources = [
    "jobs_table", "images_table", "images_bucket", "drawings_bucket",
    "jobs_queue", "jobs_dlq", "alerts_topic", "gemini_api_key_parameter", "cursor_key_parameter",
  ]
  required_indexes   = ["images_by_user", "images_by_album", "jobs_by_owner"]
  required_functions = ["job-api", "image-api", "drawing-processor", "dlq-handler"]

  bucket_keys = ["images_bucket", "drawings_bucket"]
  suffix      = var.bucket_name_suffix == "" ? "" : "-${var.bucket_name_suffix}"

  resources = {
    for key, pattern in local.contract.resources :
    key => "${replace(pattern, "{env}", var.environment)}${contains(local.bucket_keys, key) ? local.suffix : ""}"
  }

  functions = {
    for name, spec in local.contract.functions : name => {
      function_name = "${name}-${var.environment}"
      handler       = spec.handler
      package       = spec.package
      env           = sort(spec.env)
    }
  }

  # Names the contract does not fix (nothing in Java reads them) follow one prefix.
  prefix = "moc-platform-${var.environment}"
}
