output "platform" {
  description = "Every output of modules/platform (names, URLs, ARNs, functions, settings): terraform output -json platform."
  value       = module.platform
}

# Read by name by .github/workflows/deploy-environment.yml and tools/deploy/*.sh.
output "processor_repository_url" {
  description = "ECR repository of the processor image."
  value       = module.platform.processor_repository_url
}

output "functions" {
  description = "Function names, aliases (CodeDeploy targets), roles and log groups."
  value       = module.platform.functions
}

output "job_api_url" {
  description = "Job HTTP API URL."
  value       = module.platform.job_api.url
}

output "image_api_url" {
  description = "Image HTTP API URL (custom domain when configured)."
  value       = module.platform.image_api.url
}

output "alerts_topic_arn" {
  description = "SNS alerts topic."
  value       = module.platform.alerts_topic_arn
}

output "deployments" {
  description = "CodeDeploy targets per function module: { application, deployment_group, function_name, alias } (tools/deploy/release.sh)."
  value       = module.platform.deployments
}

output "user_pool" {
  description = "The user pool created with create_user_pool (id, ARN, app client id, issuer); null otherwise."
  value       = module.platform.user_pool
}
