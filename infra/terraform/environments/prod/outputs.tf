output "jobs_table_name" {
  description = "Jobs table."
  value       = module.platform.jobs_table_name
}

output "images_table_name" {
  description = "Image metadata table."
  value       = module.platform.images_table_name
}

output "images_bucket_name" {
  description = "Image bucket."
  value       = module.platform.images_bucket_name
}

output "drawings_bucket_name" {
  description = "Drawings bucket."
  value       = module.platform.drawings_bucket_name
}

output "cloudfront_domain_name" {
  description = "CloudFront domain serving images."
  value       = module.platform.cloudfront_domain_name
}

output "cloudfront_distribution_id" {
  description = "CloudFront distribution id."
  value       = module.platform.cloudfront_distribution_id
}

output "job_api_id" {
  description = "Job HTTP API id."
  value       = module.platform.job_api.id
}

output "job_api_url" {
  description = "Job HTTP API URL."
  value       = module.platform.job_api.url
}

output "image_api_id" {
  description = "Image HTTP API id."
  value       = module.platform.image_api.id
}

output "image_api_url" {
  description = "Image HTTP API URL (custom domain when configured)."
  value       = module.platform.image_api.url
}

output "image_api_custom_domain_target" {
  description = "DNS target for images-{stage}.lego-api.com when the zone is managed elsewhere."
  value       = module.platform.image_api.custom_domain_target
}

output "jobs_queue_url" {
  description = "Jobs queue URL."
  value       = module.platform.jobs_queue.url
}

output "jobs_queue_arn" {
  description = "Jobs queue ARN."
  value       = module.platform.jobs_queue.arn
}

output "jobs_dlq_url" {
  description = "Jobs DLQ URL."
  value       = module.platform.jobs_queue.dlq_url
}

output "jobs_dlq_arn" {
  description = "Jobs DLQ ARN."
  value       = module.platform.jobs_queue.dlq_arn
}

output "alerts_topic_arn" {
  description = "SNS alerts topic."
  value       = module.platform.alerts_topic_arn
}

output "processor_repository_url" {
  description = "ECR repository of the processor image."
  value       = module.platform.processor_repository_url
}

output "gemini_api_key_parameter_name" {
  description = "SSM parameter to put the Gemini key into."
  value       = module.platform.gemini_api_key_parameter_name
}

output "functions" {
  description = "Function names, aliases (CodeDeploy targets), roles and log groups."
  value       = module.platform.functions
}

output "function_environment_variable_names" {
  description = "Environment variable names per function (must equal contract/platform-contract.json)."
  value       = module.platform.function_environment_variable_names
}

output "dashboard_names" {
  description = "CloudWatch dashboards."
  value       = module.platform.dashboard_names
}
