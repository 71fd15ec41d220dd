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
