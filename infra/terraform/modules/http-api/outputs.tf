output "api_id" {
  description = "HTTP API id."
  value       = aws_apigatewayv2_api.this.id
}

output "api_endpoint" {
  description = "execute-api URL of the $default stage."
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "url" {
  description = "URL clients use: the custom domain when configured, else the execute-api URL."
  value       = var.custom_domain == null ? aws_apigatewayv2_api.this.api_endpoint : "https://${var.custom_domain.domain_name}"
}

output "execution_arn" {
  description = "Execution ARN."
  value       = aws_apigatewayv2_api.this.execution_arn
}

output "stage_name" {
  description = "Stage name."
  value       = aws_apigatewayv2_stage.default.name
}

output "access_log_group_name" {
  description = "Access log group."
  value       = aws_cloudwatch_log_group.access.name
}

output "custom_domain_target" {
  description = "Regional target for a DNS alias when the zone is managed elsewhere (null without a custom domain)."
  value       = try(aws_apigatewayv2_domain_name.this[0].domain_name_configuration[0].target_domain_name, null)
}

output "routes" {
  description = "Route key to authorization type and authorizer id."
  value       = { for k, r in aws_apigatewayv2_route.routes : k => { authorization_type = r.authorization_type, authorizer_id = r.authorizer_id } }
}

output "settings" {
  description = "Effective settings, for tests and reviews."
  value = {
    authorizer_type        = aws_apigatewayv2_authorizer.jwt.authorizer_type
    jwt_issuer             = aws_apigatewayv2_authorizer.jwt.jwt_configuration[0].issuer
    jwt_audience           = sort(tolist(aws_apigatewayv2_authorizer.jwt.jwt_configuration[0].audience))
    stage_name             = aws_apigatewayv2_stage.default.name
    access_log_format      = jsondecode(aws_apigatewayv2_stage.default.access_log_settings[0].format)
    throttling_burst_limit = aws_apigatewayv2_stage.default.default_route_settings[0].throttling_burst_limit
    throttling_rate_limit  = aws_apigatewayv2_stage.default.default_route_settings[0].throttling_rate_limit
    cors_allow_origins     = sort(tolist(aws_apigatewayv2_api.this.cors_configuration[0].allow_origins))
    payload_versions       = distinct([for i in aws_apigatewayv2_integration.lambda : i.payload_format_version])
    access_log_retention   = aws_cloudwatch_log_group.access.retention_in_days
  }
}
