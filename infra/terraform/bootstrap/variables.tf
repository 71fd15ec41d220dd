variable "repository" {
  description = "GitHub repository (owner/name) whose environments may deploy."
  type        = string
}

variable "state_bucket" {
  description = "Name of the Terraform state bucket to create (TF_STATE_BUCKET in the GitHub environments)."
  type        = string
}

variable "artifacts_bucket" {
  description = "Name of the Lambda artifacts bucket to create (ARTIFACTS_BUCKET in the GitHub environments)."
  type        = string
}

variable "environments" {
  description = "Terraform environment => GitHub environment deploying it (its plan role trusts <name>-plan) and the stack's bucket name suffix."
  type = map(object({
    github_environment = string
    bucket_name_suffix = optional(string, "")
  }))
  default = {
    dev     = { github_environment = "dev" }
    staging = { github_environment = "staging" }
    prod    = { github_environment = "production" }
  }
}

variable "oidc_provider_arn" {
  description = "Existing GitHub OIDC provider in this account; null creates it."
  type        = string
  default     = null
}

variable "apply_policy_arns" {
  description = "Managed policies (customer-managed, written for this stack) that let the deploy roles run terraform apply."
  type        = list(string)
  default     = []
}

variable "artifacts_retention_days" {
  description = "Days a build's zips stay in the artifacts bucket (published Lambda versions keep their own copy)."
  type        = number
  default     = 90
}
