output "parameter_name" {
  description = "Parameter name."
  value       = var.name
}

output "parameter_arn" {
  description = "Parameter ARN (computed from the name: the operator-managed parameter is not a Terraform resource)."
  value       = local.parameter_arn
}

output "kms_key_arn" {
  description = "CMK ARN."
  value       = aws_kms_key.parameter.arn
}

output "settings" {
  description = "Effective settings, for tests and reviews."
  value = {
    type                 = var.generated.enabled ? aws_ssm_parameter.generated[0].type : "SecureString"
    key_id               = var.generated.enabled ? aws_ssm_parameter.generated[0].key_id : aws_kms_key.parameter.arn
    key_rotation         = aws_kms_key.parameter.enable_key_rotation
    key_policy           = jsondecode(aws_kms_key.parameter.policy)
    value_source         = var.generated.enabled ? "generated" : "operator"
    managed_by_terraform = length(aws_ssm_parameter.generated) == 1
    value_wo_version     = var.generated.enabled ? aws_ssm_parameter.generated[0].value_wo_version : null
  }
  sensitive = true
}

output "put_parameter_command" {
  description = "For an operator-managed parameter: the command that creates or replaces its value under the module's CMK (the value is read from the prompt, not the command line). null when generated."
  value       = var.generated.enabled ? null : "read -rs VALUE && aws ssm put-parameter --overwrite --type SecureString --name '${var.name}' --key-id 'alias/${var.key_alias}' --value \"$VALUE\""
}
