locals {
  function_modules = {
    job-api           = module.job_api
    image-api         = module.image_api
    drawing-processor = module.drawing_processor
    dlq-handler       = module.dlq_handler
    job-reconciler    = module.job_reconciler
  }
}

output "names" {
  description = "Contract names resolved for this environment."
  value       = local.names
}

output "jobs_table_name" {
  description = "Jobs table."
  value       = module.jobs.table_name
}

output "images_table_name" {
  description = "Image metadata table."
  value       = module.images.table_name
}

output "images_bucket_name" {
  description = "Image bucket."
  value       = module.images.bucket_name
}

output "drawings_bucket_name" {
  description = "Drawings bucket."
  value       = module.jobs.bucket_name
}

output "cloudfront_domain_name" {
  description = "CloudFront domain serving images."
  value       = module.cdn.domain_name
}

output "cloudfront_distribution_id" {
  description = "CloudFront distribution id."
  value       = module.cdn.distribution_id
}

output "cdn_base_url" {
  description = "CDN_BASE_URL handed to image-api."
  value       = module.cdn.base_url
}

output "job_api" {
  description = "Job HTTP API id and URL."
  value       = { id = module.job_http_api.api_id, url = module.job_http_api.url, routes = module.job_http_api.routes, settings = module.job_http_api.settings }
}

output "image_api" {
  description = "Image HTTP API id, URL and optional custom domain target."
  value       = { id = module.image_http_api.api_id, url = module.image_http_api.url, custom_domain_target = module.image_http_api.custom_domain_target, routes = module.image_http_api.routes, settings = module.image_http_api.settings }
}

output "jobs_queue" {
  description = "Main queue and DLQ URLs and ARNs."
  value = {
    url      = module.queue.queue_url
    arn      = module.queue.queue_arn
    dlq_url  = module.queue.dlq_url
    dlq_arn  = module.queue.dlq_arn
    settings = module.queue.settings
  }
}

output "alerts_topic_arn" {
  description = "SNS alerts topic."
  value       = module.monitoring.alerts_topic_arn
}

output "processor_repository_url" {
  description = "ECR repository for the processor image (created by the account bootstrap); null when the processor is a zip or its image_uri is given."
  value       = local.processor_repository_url
}

output "gemini_api_key_parameter_name" {
  description = "SSM parameter holding the Gemini API key (created by the operator, not by Terraform)."
  value       = module.gemini_api_key.parameter_name
}

output "gemini_api_key_put_command" {
  description = "Creates or replaces the Gemini API key under its CMK, reading the value from the prompt."
  value       = module.gemini_api_key.put_parameter_command
}

output "cursor_key_parameter_name" {
  description = "SSM parameter holding the generated cursor signing key of job-api and image-api."
  value       = module.cursor_key.parameter_name
}

output "functions" {
  description = "Per function: name, alias (CodeDeploy targets), ARNs, role and log group."
  value = {
    for k, f in local.function_modules : k => {
      function_name  = f.function_name
      alias_name     = f.alias_name
      alias_arn      = f.alias_arn
      role_name      = f.role_name
      log_group_name = f.log_group_name
    }
  }
}

output "function_environment_variable_names" {
  description = "Sorted environment variable names set on each function (compared with the contract in tests)."
  value       = { for k, f in local.function_modules : k => f.environment_variable_names }
}

output "function_environment" {
  description = "Environment variables set on each function (no secrets: the Gemini key is read from SSM)."
  value       = local.function_env
}

output "function_settings" {
  description = "Effective function settings, for tests and reviews."
  value       = { for k, f in local.function_modules : k => f.settings }
}

output "function_policies" {
  description = "Each execution role's inline policy, decoded."
  value       = { for k, f in local.function_modules : k => f.policy_document }
}

output "data_stores" {
  description = "Effective table and bucket settings, for tests and reviews."
  value = {
    jobs_table      = module.jobs.table_settings
    drawings_bucket = module.jobs.bucket_settings
    images_table    = module.images.table_settings
    images_bucket   = module.images.bucket_settings
  }
}

output "cdn_settings" {
  description = "Effective CloudFront settings."
  value       = module.cdn.settings
}

output "alarms" {
  description = "Alarm name to threshold and actions."
  value       = module.monitoring.alarms
}

output "dashboard_names" {
  description = "CloudWatch dashboards."
  value       = module.monitoring.dashboard_names
}

output "monitoring_settings" {
  description = "Alerts topic encryption and policies, budget."
  value       = module.monitoring.settings
}

output "deployments" {
  description = "CodeDeploy targets by function module: { application, deployment_group, function_name, alias } (read by tools/deploy/release.sh)."
  value       = { for k, f in local.function_modules : k => f.deployment if f.deployment != null }
}

output "deployment_settings" {
  description = "Effective CodeDeploy settings by function module, for tests and reviews."
  value       = { for k, f in local.function_modules : k => f.deployment_settings if f.deployment_settings != null }
}

output "resource_policies" {
  description = "Every resource policy of the platform's buckets, queues, topic and keys, decoded (who else may reach them)."
  value = {
    images_bucket      = module.images.bucket_settings.policy
    drawings_bucket    = module.jobs.bucket_settings.policy
    jobs_queue         = module.queue.settings.queue_policy
    jobs_dlq           = module.queue.settings.dlq_policy
    alerts_topic       = module.monitoring.settings.topic_policy
    alerts_key         = module.monitoring.settings.key_policy
    cursor_key_key     = nonsensitive(module.cursor_key.settings.key_policy)
    gemini_api_key_key = nonsensitive(module.gemini_api_key.settings.key_policy)
  }
}

output "user_pool" {
  description = "The Cognito user pool created with the stack (user_pool.enabled): id, ARN, app client id (the JWT audience) and issuer; null when the APIs trust the given jwt."
  value       = var.user_pool.enabled ? { id = module.user_pool[0].user_pool_id, arn = module.user_pool[0].user_pool_arn, client_id = module.user_pool[0].client_id, issuer = module.user_pool[0].jwt.issuer } : null
}

output "jwt" {
  description = "Issuer and audiences both APIs' JWT authorizer trusts."
  value       = local.jwt
}

output "reconciler_schedule" {
  description = "How EventBridge runs job-reconciler: the rule's rate, its target and who may invoke."
  value = {
    schedule_expression = aws_cloudwatch_event_rule.reconciler.schedule_expression
    target_arn          = aws_cloudwatch_event_target.reconciler.arn
    principal           = aws_lambda_permission.reconciler_schedule.principal
    qualifier           = aws_lambda_permission.reconciler_schedule.qualifier
    source_arn          = aws_lambda_permission.reconciler_schedule.source_arn
    stale_job_after     = local.function_env["job-reconciler"].STALE_JOB_AFTER
  }
}
