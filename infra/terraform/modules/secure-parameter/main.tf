data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  account_root = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"

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

resource "aws_ssm_parameter" "this" {
  name        = var.name
  description = var.description
  type        = "SecureString"
  key_id      = aws_kms_key.parameter.arn
  # Placeholder only: operators set the real value with `aws ssm put-parameter --overwrite`.
  value = "set-outside-terraform"
  tags  = var.tags

  lifecycle {
    ignore_changes = [value]
  }
}
