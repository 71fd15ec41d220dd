output "parameter_name" {
  description = "Parameter name."
  value       = aws_ssm_parameter.this.name
}

output "parameter_arn" {
  description = "Parameter ARN."
  value       = aws_ssm_parameter.this.arn
}

output "kms_key_arn" {
  description = "CMK ARN."
  value       = aws_kms_key.parameter.arn
}

output "read_policy_statements" {
  description = "IAM statements (lambda-function format) that allow reading and decrypting only this parameter."
  value = [
    {
      sid        = "Read${var.statement_label}Parameter"
      actions    = ["ssm:GetParameter"]
      resources  = [aws_ssm_parameter.this.arn]
      conditions = []
    },
    {
      sid       = "Decrypt${var.statement_label}Parameter"
      actions   = ["kms:Decrypt"]
      resources = [aws_kms_key.parameter.arn]
      conditions = [
        { test = "StringEquals", variable = "kms:ViaService", values = ["ssm.${split(":", aws_ssm_parameter.this.arn)[3]}.amazonaws.com"] },
      ]
    },
  ]
}

output "settings" {
  description = "Effective settings, for tests and reviews."
  value = {
    type             = aws_ssm_parameter.this.type
    key_id           = aws_ssm_parameter.this.key_id
    key_rotation     = aws_kms_key.parameter.enable_key_rotation
    key_policy       = jsondecode(aws_kms_key.parameter.policy)
    value_source     = var.generated.enabled ? "generated" : "placeholder"
    value_wo_version = aws_ssm_parameter.this.value_wo_version
  }
  sensitive = true
}
