output "state_bucket" {
  description = "TF_STATE_BUCKET of every GitHub environment."
  value       = module.state_bucket.bucket_name
}

output "artifacts_bucket" {
  description = "ARTIFACTS_BUCKET of every GitHub environment."
  value       = module.artifacts_bucket.bucket_name
}

output "oidc_provider_arn" {
  description = "GitHub's OIDC provider in this account."
  value       = module.github_deploy_roles.oidc_provider_arn
}

output "github_environment_variables" {
  description = "Per GitHub environment, the variables to set: AWS_PLAN_ROLE_ARN on <env>-plan; AWS_DEPLOY_ROLE_ARN and PROCESSOR_REPOSITORY_URL on <env>; the buckets on both."
  value = merge([
    for env, r in module.github_deploy_roles.roles : {
      "${r.github_environment}-plan" = { AWS_PLAN_ROLE_ARN = r.plan_role_arn, TF_STATE_BUCKET = module.state_bucket.bucket_name, ARTIFACTS_BUCKET = module.artifacts_bucket.bucket_name }
      (r.github_environment)         = { AWS_DEPLOY_ROLE_ARN = r.deploy_role_arn, TF_STATE_BUCKET = module.state_bucket.bucket_name, ARTIFACTS_BUCKET = module.artifacts_bucket.bucket_name, PROCESSOR_REPOSITORY_URL = module.processor_repository[env].repository_url }
    }
  ]...)
}

output "processor_repository_urls" {
  description = "Per environment, the processor image repository (push <url>:<commit> before the environment's apply)."
  value       = { for env, r in module.processor_repository : env => r.repository_url }
}

output "processor_repository_settings" {
  description = "Per environment, the repository's effective settings, for tests and reviews."
  value       = { for env, r in module.processor_repository : env => r.settings }
}
