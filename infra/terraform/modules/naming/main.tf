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
      # Minutes between runs of a scheduled function (an EventBridge rule), null for the others.
      every_minutes = try(spec.schedule.every_minutes, null)
    }
  }

  # Permissions: the contract's statements with every {placeholder} replaced. Each distinct template string
  # (a resource ARN pattern or a condition value) is rendered once, token by token: a {name} token becomes its
  # value, anything else stays as written. Unknown names stay as written and fail the output's precondition.
  permission_values = merge(
    { env = var.environment },
    local.resources,
    local.contract.indexes,
    coalesce(var.permission_values, {}),
  )
  permission_templates = distinct(flatten([
    for statements in values(try(local.contract.permissions, {})) : [
      for s in statements : concat(s.resources, flatten([for c in try(s.conditions, []) : c.values]))
    ]
  ]))
  placeholder_pattern = "\\{[a-z0-9_]+\\}"
  placeholders_used   = distinct(flatten([for t in local.permission_templates : regexall(local.placeholder_pattern, t)]))
  unknown_placeholders = [
    for p in local.placeholders_used : p if !contains(keys(local.permission_values), trim(p, "{}"))
  ]
  rendered = {
    for t in local.permission_templates : t => join("", [
      for token in regexall("${local.placeholder_pattern}|[^{]+|\\{", t) :
      can(regex("^${local.placeholder_pattern}$", token)) ? lookup(local.permission_values, trim(token, "{}"), token) : token
    ])
  }
  permissions = var.permission_values == null ? null : {
    for name, statements in try(local.contract.permissions, {}) : name => [
      for s in statements : {
        sid       = s.sid
        actions   = s.actions
        resources = [for r in s.resources : local.rendered[r]]
        conditions = [
          for c in try(s.conditions, []) : { test = c.test, variable = c.variable, values = [for v in c.values : local.rendered[v]] }
        ]
      }
    ]
  }
  all_actions = flatten([for statements in values(try(local.contract.permissions, {})) : [for s in statements : s.actions]])

  # Names the contract does not fix (nothing in Java reads them) follow one prefix.
  prefix = "moc-platform-${var.environment}"
}
