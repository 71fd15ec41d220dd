variable "repository" {
  description = "GitHub repository allowed to assume the roles, as owner/name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$", var.repository))
    error_message = "repository must be owner/name (letters, digits, hyphens in the owner; letters, digits, . _ - in the name), without wildcards."
  }
}

variable "oidc_provider_arn" {
  description = "ARN of an existing IAM OIDC provider for token.actions.githubusercontent.com; null creates one (one per account)."
  type        = string
  default     = null

  validation {
    condition     = var.oidc_provider_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/token\\.actions\\.githubusercontent\\.com$", coalesce(var.oidc_provider_arn, "x")))
    error_message = "oidc_provider_arn must be the ARN of the token.actions.githubusercontent.com OIDC provider."
  }
}

variable "environments" {
  description = "Per Terraform environment (dev, staging, prod): the GitHub environment that deploys it (the plan role trusts <github_environment>-plan) and the bucket name suffix its stack uses."
  type = map(object({
    github_environment = string
    bucket_name_suffix = optional(string, "")
  }))

  validation {
    condition     = length(var.environments) > 0 && alltrue([for k in keys(var.environments) : contains(["dev", "staging", "prod"], k)])
    error_message = "environments must be a non-empty map keyed by dev, staging or prod."
  }

  validation {
    condition     = alltrue([for e in values(var.environments) : can(regex("^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$", e.github_environment)) && !endswith(e.github_environment, "-plan")])
    error_message = "github_environment must be a literal GitHub environment name (letters, digits, . _ -; no wildcards) without the -plan suffix."
  }
}

variable "state_bucket" {
  description = "Name of the Terraform state bucket (the roots' backend keys are moc-platform/<env>/terraform.tfstate)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.state_bucket))
    error_message = "state_bucket must be a valid S3 bucket name."
  }
}

variable "artifacts_bucket" {
  description = "Name of the bucket CI uploads the Lambda zips to (<commit sha>/<module>/<module>-lambda.zip)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.artifacts_bucket))
    error_message = "artifacts_bucket must be a valid S3 bucket name."
  }
}

variable "plan_policy_arns" {
  description = "Managed policies of the plan roles besides the module's state and deny statements. Default: AWS ReadOnlyAccess (what terraform plan's refresh reads)."
  type        = list(string)
  default     = null
}

variable "apply_policy_arns" {
  description = "Extra managed policies for the deploy roles (e.g. Route 53 record changes for a custom domain in a zone the module does not know). The module attaches its own apply policy (<prefix>-terraform-apply) and the release permissions itself."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.apply_policy_arns : can(regex("^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/.+$", a)) && !endswith(a, "/AdministratorAccess")])
    error_message = "apply_policy_arns must be IAM policy ARNs, and not AdministratorAccess."
  }
}

variable "max_session_duration" {
  description = "Maximum session of the deploy roles in seconds (CodeDeploy canaries wait five minutes per function; the workflow asks for 3600)."
  type        = number
  default     = 3600

  validation {
    condition     = var.max_session_duration >= 3600 && var.max_session_duration <= 43200
    error_message = "max_session_duration must be between 3600 and 43200 seconds."
  }
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
