output "environment" {
  description = "The environment the names were resolved for."
  value       = var.environment
}

output "prefix" {
  description = "Prefix for names the contract does not fix (roles, APIs, dashboards, keys)."
  value       = local.prefix
}

output "resources" {
  description = "Contract resource names resolved for this environment (bucket names include the optional suffix)."
  value       = local.resources

  precondition {
    condition     = alltrue([for key in local.required_resources : contains(keys(local.contract.resources), key)])
    error_message = "platform-contract.json lacks one of the resource names: ${join(", ", local.required_resources)}."
  }
}

output "indexes" {
  description = "GSI names from the contract."
  value       = local.contract.indexes

  precondition {
    condition     = alltrue([for key in local.required_indexes : contains(keys(local.contract.indexes), key)])
    error_message = "platform-contract.json lacks one of the index names: ${join(", ", local.required_indexes)}."
  }
}

output "functions" {
  description = "Per function: deployed name, handler class, packaging (zip or image) and the sorted environment variable names it must receive."
  value       = local.functions

  precondition {
    condition     = alltrue([for name in local.required_functions : contains(keys(local.contract.functions), name)])
    error_message = "platform-contract.json lacks one of the functions: ${join(", ", local.required_functions)}."
  }

  precondition {
    condition     = alltrue([for f in values(local.contract.functions) : contains(["zip", "image"], f.package)])
    error_message = "Every function's package in platform-contract.json must be zip or image."
  }
}

output "permissions" {
  description = "Per function: the contract's IAM statements (sid, actions, resources, conditions) with every placeholder replaced, in the lambda-function module's policy_statements format. Null without permission_values."
  value       = local.permissions

  precondition {
    condition     = sort(keys(try(local.contract.permissions, {}))) == sort(keys(local.contract.functions))
    error_message = "platform-contract.json must list permissions for exactly its functions (no more, no fewer)."
  }

  precondition {
    condition     = var.permission_values == null || length(local.unknown_placeholders) == 0
    error_message = "platform-contract.json permissions use placeholders with no value: ${join(", ", local.unknown_placeholders)}. Known: ${join(", ", sort(keys(local.permission_values)))}."
  }

  precondition {
    condition     = alltrue([for statements in values(try(local.contract.permissions, {})) : length(distinct([for s in statements : s.sid])) == length(statements)])
    error_message = "Each function's permission sids in platform-contract.json must be unique."
  }

  precondition {
    condition     = alltrue([for a in local.all_actions : can(regex("^[a-z0-9-]+:[A-Za-z0-9]+$", a))])
    error_message = "Every permission action in platform-contract.json must be one exact service:Action (no wildcards)."
  }

  precondition {
    condition     = alltrue(flatten([for statements in values(try(local.contract.permissions, {})) : [for s in statements : length(s.actions) > 0 && length(s.resources) > 0]]))
    error_message = "Every permission statement in platform-contract.json needs at least one action and one resource."
  }
}
