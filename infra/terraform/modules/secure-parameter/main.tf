data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {

  # 64 hex characters = 256 bits from crypto/rand (each uuid() is 16 random bytes, no version bits), the full
  # strength of an HMAC-SHA256 key; letters and digits pass through shells and JSON unescaped. Generated inside
  # Terraform rather than by an ephemeral aws_secretsmanager_random_password because mock_provider cannot serve
  # ephemeral resource types (Terraform 1.11: "No ephemeral resource types in mock providers", even with count = 0),
  # which would stop every test that includes this module, and because that resource calls Secrets Manager on every
  # plan. uuid() is unknown during plan and only feeds the write-only value_wo, so the value is in neither plan nor
  # state; the provider writes it only when value_wo_version changes.
  generated_value = replace("${uuid()}${uuid()}", "-", "")

  account_root = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"

  # The ARN is known from the name, so readers can be granted a parameter that Terraform does not manage.
  parameter_arn = "arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:parameter${var.name}"

  key_policy = {
    Version = "2012-10-17"
    Statement = [{
      # Delegates to IAM: only identities whose own policy names this key (the function role) can use it.
      Sid       = "AccountAdministersAndDelegatesToIam"
      Effect    = "Allow"
      Principal = { AWS = local.account_root }
      Action = [
        "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*",
        "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource",
        "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
        "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
      ]
      Resource = "*"
    }]
  }
}

resource "aws_kms_key" "parameter" {
  description             = "Encrypts ${var.name}"
  enable_key_rotation     = true
  deletion_window_in_days = var.key_deletion_window_days
  policy                  = jsonencode(local.key_policy)
  tags                    = var.tags
}

resource "aws_kms_alias" "parameter" {
  name          = "alias/${var.key_alias}"
  target_key_id = aws_kms_key.parameter.key_id
}

# Only a generated value is managed here. An operator's secret (the Gemini key) is never a Terraform resource:
# the provider refreshes a SecureString decrypted and, unless the value came through value_wo, writes it into
# state, and from there into every saved plan. The operator creates it with the CMK below
# (put_parameter_command); Terraform only grants its readers.
resource "aws_ssm_parameter" "generated" {
  count = var.generated.enabled ? 1 : 0

  name        = var.name
  description = var.description
  type        = "SecureString"
  key_id      = aws_kms_key.parameter.arn
  # Written once per version through the write-only argument, never read back into state (the provider stores
  # value = null when value_wo is configured).
  # Caution: the provider sends value_wo only when value_wo_version changes; any other change to the parameter
  # (description, key, tier) should come with a version bump, or the update may carry no value.
  value_wo         = local.generated_value
  value_wo_version = var.generated.version
  tags             = var.tags
}
