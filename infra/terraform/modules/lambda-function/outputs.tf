output "function_name" {
  description = "Function name (for CodeDeploy and alarms)."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "Unqualified function ARN."
  value       = aws_lambda_function.this.arn
}

output "version" {
  description = "Latest published version."
  value       = aws_lambda_function.this.version
}

output "alias_name" {
  description = "Alias that receives traffic."
  value       = local.alias.name
}

output "alias_arn" {
  description = "Qualified ARN of the alias."
  value       = local.alias.arn
}

output "alias_invoke_arn" {
  description = "Invoke ARN of the alias (API Gateway integrations)."
  value       = local.alias.invoke_arn
}

output "role_name" {
  description = "Execution role name."
  value       = aws_iam_role.execution.name
}

output "role_arn" {
  description = "Execution role ARN."
  value       = aws_iam_role.execution.arn
}

output "policy_document" {
  description = "The execution role's inline policy, decoded."
  value       = local.policy_document
}

output "log_group_name" {
  description = "Log group of the function."
  value       = aws_cloudwatch_log_group.logs.name
}

output "log_group_arn" {
  description = "Log group ARN."
  value       = aws_cloudwatch_log_group.logs.arn
}

output "environment_variable_names" {
  description = "Sorted names of the application's environment variables (the contract's; JAVA_TOOL_OPTIONS from jvm_options is in settings)."
  value       = sort([for k in keys(try(aws_lambda_function.this.environment[0].variables, {})) : k if k != "JAVA_TOOL_OPTIONS"])
}

output "event_source_mapping_uuids" {
  description = "Event source mapping ids by key."
  value       = { for k, m in aws_lambda_event_source_mapping.sqs : k => m.uuid }
}

output "settings" {
  description = "Effective settings, for tests and reviews."
  value = {
    package_type            = aws_lambda_function.this.package_type
    runtime                 = aws_lambda_function.this.runtime
    handler                 = local.is_zip ? aws_lambda_function.this.handler : one(aws_lambda_function.this.image_config[*].command[0])
    architectures           = aws_lambda_function.this.architectures
    memory_size             = aws_lambda_function.this.memory_size
    timeout                 = aws_lambda_function.this.timeout
    tracing_mode            = aws_lambda_function.this.tracing_config[0].mode
    log_format              = aws_lambda_function.this.logging_config[0].log_format
    log_retention_days      = aws_cloudwatch_log_group.logs.retention_in_days
    snap_start              = length(aws_lambda_function.this.snap_start) > 0
    publish                 = aws_lambda_function.this.publish
    provisioned_concurrency = var.provisioned_concurrency
    reserved_concurrency    = aws_lambda_function.this.reserved_concurrent_executions
    jvm_options             = try(aws_lambda_function.this.environment[0].variables["JAVA_TOOL_OPTIONS"], null)
    role_boundary           = aws_iam_role.execution.permissions_boundary
    event_sources = {
      for k, m in aws_lambda_event_source_mapping.sqs : k => {
        event_source_arn        = m.event_source_arn
        function_name           = m.function_name
        batch_size              = m.batch_size
        function_response_types = m.function_response_types
      }
    }
  }
}

output "deployment" {
  description = "CodeDeploy target of the alias (the shape tools/deploy/release.sh reads), or null without CodeDeploy."
  value = local.codedeploy ? {
    application      = aws_codedeploy_app.this[0].name
    deployment_group = aws_codedeploy_deployment_group.this[0].deployment_group_name
    function_name    = aws_lambda_function.this.function_name
    alias            = local.alias.name
  } : null
}

output "deployment_settings" {
  description = "Effective CodeDeploy settings, for tests and reviews (null without CodeDeploy)."
  value = local.codedeploy ? {
    compute_platform       = aws_codedeploy_app.this[0].compute_platform
    deployment_config_name = aws_codedeploy_deployment_group.this[0].deployment_config_name
    deployment_style       = one(aws_codedeploy_deployment_group.this[0].deployment_style)
    rollback_enabled       = one(aws_codedeploy_deployment_group.this[0].auto_rollback_configuration).enabled
    rollback_events        = sort(tolist(one(aws_codedeploy_deployment_group.this[0].auto_rollback_configuration).events))
    alarms_enabled         = one(aws_codedeploy_deployment_group.this[0].alarm_configuration).enabled
    alarms                 = sort(tolist(one(aws_codedeploy_deployment_group.this[0].alarm_configuration).alarms))
    service_role_policies  = [aws_iam_role_policy_attachment.codedeploy[0].policy_arn]
    service_role_boundary  = aws_iam_role.codedeploy[0].permissions_boundary
  } : null
}
