variable "environment" {
  description = "Deployment environment; replaces {env} in the contract's name patterns."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of dev, staging or prod."
  }
}

variable "contract_path" {
  description = "Path to platform-contract.json. Null means the copy at the repository root (contract/platform-contract.json)."
  type        = string
  default     = null

  validation {
    condition     = var.contract_path == null || endswith(coalesce(var.contract_path, "x"), ".json")
    error_message = "contract_path must point at a .json file."
  }
}

variable "bucket_name_suffix" {
  description = "Optional suffix appended to bucket names (S3 names are global), e.g. an account alias. Empty means none."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^([a-z0-9][a-z0-9-]{0,18}[a-z0-9])?$", var.bucket_name_suffix))
    error_message = "bucket_name_suffix must be empty or 2-20 lowercase letters, digits or hyphens, not starting or ending with a hyphen."
  }
}

variable "permission_values" {
  description = "Values of the permissions' placeholders that only the deployment knows: region, account and the KMS key ARNs (e.g. alerts_kms_key_arn); {env}, resource and index names come from the contract. Null (callers that need only names) leaves the permissions output null."
  type        = map(string)
  default     = null
}
