data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

module "naming" {
  source   = "../naming"
  for_each = var.environments

  environment        = each.key
  bucket_name_suffix = each.value.bucket_name_suffix
}

locals {
  issuer    = "token.actions.githubusercontent.com"
  account   = data.aws_caller_identity.current.account_id
  region    = data.aws_region.current.name
  partition = data.aws_partition.current.partition
  arn       = "arn:${local.partition}"
  # Key ids are generated: statements on keys name every key and narrow it by a condition (alias or tag).
  any_key = "${local.arn}:kms:${local.region}:${local.account}:key/*"

  oidc_provider_arn = var.oidc_provider_arn != null ? var.oidc_provider_arn : aws_iam_openid_connect_provider.github[0].arn
  plan_policy_arns  = var.plan_policy_arns != null ? var.plan_policy_arns : ["${local.arn}:iam::aws:policy/ReadOnlyAccess"]

  # One plan and one deploy role per environment; `sub` is an exact repository + GitHub environment, never a pattern.
  roles = merge(
    { for env, e in var.environments : "${env}-plan" => { env = env, kind = "plan", sub = "repo:${var.repository}:environment:${e.github_environment}-plan" } },
    { for env, e in var.environments : "${env}-deploy" => { env = env, kind = "deploy", sub = "repo:${var.repository}:environment:${e.github_environment}" } },
  )

  trust_policies = {
    for k, r in local.roles : k => {
      Version = "2012-10-17"
      Statement = [{
        Sid       = "GitHubActionsEnvironment"
        Effect    = "Allow"
        Principal = { Federated = local.oidc_provider_arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${local.issuer}:aud" = "sts.amazonaws.com"
            "${local.issuer}:sub" = r.sub
          }
        }
      }]
    }
  }

  # Both roles list the environment's state prefix and take its lock; only the plan role cannot write the state.
  state = {
    for env in keys(var.environments) : env => {
      object = "${local.arn}:s3:::${var.state_bucket}/moc-platform/${env}/terraform.tfstate"
      list   = { Sid = "ListStatePrefix", Effect = "Allow", Action = ["s3:ListBucket"], Resource = ["${local.arn}:s3:::${var.state_bucket}"], Condition = { StringLike = { "s3:prefix" = ["moc-platform/${env}/*"] } } }
      lock   = { Sid = "LockState", Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], Resource = ["${local.arn}:s3:::${var.state_bucket}/moc-platform/${env}/terraform.tfstate.tflock"] }
    }
  }

  state_statements = {
    for env, s in local.state : env => {
      plan   = [s.list, { Sid = "ReadState", Effect = "Allow", Action = ["s3:GetObject"], Resource = [s.object] }, s.lock]
      deploy = [s.list, { Sid = "ReadWriteState", Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = [s.object] }, s.lock]
    }
  }

  # The plan environment has no reviewers: ReadOnlyAccess would also let it read the stack's data, so every
  # data-plane read of the services the stack uses is denied (only the state and artifacts buckets' objects stay
  # readable). Each action here returns stored data, not configuration:
  plan_denied_data_reads = {
    objects = ["s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAttributes", "s3:GetObjectTorrent", "s3:GetObjectVersionTorrent"]
    items = [
      "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:PartiQLSelect",
      "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ExportTableToPointInTime",
    ]
    messages = ["sqs:ReceiveMessage"]
    logs = [
      "logs:GetLogEvents", "logs:FilterLogEvents", "logs:StartQuery", "logs:GetQueryResults", "logs:StartLiveTail",
      "logs:GetLogRecord", "logs:Unmask", "logs:GetLogGroupFields",
    ]
    traces  = ["xray:BatchGetTraces", "xray:GetTraceSummaries", "xray:GetTraceGraph"]
    secrets = ["secretsmanager:GetSecretValue"]
    users   = ["cognito-idp:ListUsers", "cognito-idp:AdminGetUser", "cognito-idp:ListUsersInGroup"]
  }
  # Parameter values: every parameter but the generated cursor key, which the refresh must read (below).
  plan_denied_parameter_reads = ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory"]

  plan_deny_data = {
    for env, n in module.naming : env => [
      { Sid = "DenyDataObjectReads", Effect = "Deny", Action = local.plan_denied_data_reads.objects, NotResource = ["${local.arn}:s3:::${var.state_bucket}/*", "${local.arn}:s3:::${var.artifacts_bucket}/*"] },
      { Sid = "DenyTableReads", Effect = "Deny", Action = local.plan_denied_data_reads.items, Resource = ["*"] },
      { Sid = "DenyQueueReads", Effect = "Deny", Action = local.plan_denied_data_reads.messages, Resource = ["*"] },
      { Sid = "DenyLogReads", Effect = "Deny", Action = local.plan_denied_data_reads.logs, Resource = ["*"] },
      { Sid = "DenyTraceReads", Effect = "Deny", Action = local.plan_denied_data_reads.traces, Resource = ["*"] },
      { Sid = "DenySecretReads", Effect = "Deny", Action = local.plan_denied_data_reads.secrets, Resource = ["*"] },
      { Sid = "DenyUserReads", Effect = "Deny", Action = local.plan_denied_data_reads.users, Resource = ["*"] },
      { Sid = "DenyParameterReads", Effect = "Deny", Action = local.plan_denied_parameter_reads, NotResource = [local.cursor_key_parameter_arns[env]] },
    ]
  }

  # Decrypting the generated cursor key: only with its own key (by alias), only through SSM, and only for that
  # parameter (SSM passes the parameter's ARN as the encryption context of every SecureString it encrypts or
  # decrypts), so the same key can decrypt nothing else for these roles. Shared by the plan and the apply.
  cursor_key_parameter_arns = { for env, n in module.naming : env => "${local.arn}:ssm:${local.region}:${local.account}:parameter${n.resources.cursor_key_parameter}" }
  cursor_key_conditions = {
    for env, n in module.naming : env => {
      "ForAnyValue:StringEquals" = { "kms:ResourceAliases" = ["alias/${n.prefix}-cursor-signing-key"] }
      StringEquals = {
        "kms:ViaService"                      = "ssm.${local.region}.amazonaws.com"
        "kms:EncryptionContext:PARAMETER_ARN" = local.cursor_key_parameter_arns[env]
      }
    }
  }

  # The one decrypt the plan role has: terraform plan refreshes the generated cursor signing key, and the AWS
  # provider always reads a SecureString decrypted (it then drops the value because it came through value_wo, so
  # it reaches neither state nor plan). The state bucket is SSE-S3 (no key to decrypt); the Gemini key is no
  # Terraform resource, so nothing reads it here.
  plan_parameter_statements = {
    for env in keys(var.environments) : env => [{
      Sid       = "RefreshGeneratedCursorKey"
      Effect    = "Allow"
      Action    = ["kms:Decrypt"]
      Resource  = [local.any_key]
      Condition = local.cursor_key_conditions[env]
    }]
  }

  release_statements = {
    for env, n in module.naming : env => [
      { Sid = "UploadArtifacts", Effect = "Allow", Action = ["s3:PutObject"], Resource = ["${local.arn}:s3:::${var.artifacts_bucket}/*"] },
      { Sid = "EcrLogin", Effect = "Allow", Action = ["ecr:GetAuthorizationToken"], Resource = ["*"] },
      {
        Sid      = "PushProcessorImage"
        Effect   = "Allow"
        Action   = ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage", "ecr:DescribeImages"]
        Resource = ["${local.arn}:ecr:${local.region}:${local.account}:repository/${n.functions["drawing-processor"].function_name}"]
      },
      {
        Sid      = "StartCodeDeployReleases"
        Effect   = "Allow"
        Action   = ["codedeploy:CreateDeployment", "codedeploy:GetDeployment", "codedeploy:GetDeploymentGroup", "codedeploy:StopDeployment"]
        Resource = [for f in values(n.functions) : "${local.arn}:codedeploy:${local.region}:${local.account}:deploymentgroup:${f.function_name}/${f.function_name}-live"]
      },
      {
        Sid      = "ReadCodeDeployConfig"
        Effect   = "Allow"
        Action   = ["codedeploy:GetDeploymentConfig", "codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"]
        Resource = concat(["${local.arn}:codedeploy:${local.region}:${local.account}:deploymentconfig:*"], [for f in values(n.functions) : "${local.arn}:codedeploy:${local.region}:${local.account}:application:${f.function_name}"])
      },
      {
        Sid      = "ReleaseAndRollBackFunctions"
        Effect   = "Allow"
        Action   = ["lambda:InvokeFunction", "lambda:GetAlias", "lambda:UpdateAlias", "lambda:ListVersionsByFunction", "lambda:GetFunctionConfiguration"]
        Resource = flatten([for f in values(n.functions) : ["${local.arn}:lambda:${local.region}:${local.account}:function:${f.function_name}", "${local.arn}:lambda:${local.region}:${local.account}:function:${f.function_name}:*"]])
      },
      { Sid = "NotifyAlerts", Effect = "Allow", Action = ["sns:Publish"], Resource = ["${local.arn}:sns:${local.region}:${local.account}:${n.resources.alerts_topic}"] },
      # The post-traffic end-to-end suite signs in as the stage's two test users (tools/deploy/e2e.sh).
      { Sid = "ReadE2eUserPasswords", Effect = "Allow", Action = ["ssm:GetParameter"], Resource = ["${local.arn}:ssm:${local.region}:${local.account}:parameter/moc-platform/${env}/e2e/*"] },
      {
        Sid       = "EncryptAlertMessages"
        Effect    = "Allow"
        Action    = ["kms:GenerateDataKey", "kms:Decrypt"]
        Resource  = [local.any_key]
        Condition = { "ForAnyValue:StringEquals" = { "kms:ResourceAliases" = ["alias/${n.prefix}-alerts"] } }
      },
    ]
  }

  # Plan and deploy statements differ in shape, so the two kinds are built apart and merged.
  policies = merge(
    { for k, r in local.roles : k => { Version = "2012-10-17", Statement = concat(local.state_statements[r.env].plan, local.plan_parameter_statements[r.env], local.plan_deny_data[r.env]) } if r.kind == "plan" },
    { for k, r in local.roles : k => { Version = "2012-10-17", Statement = concat(local.state_statements[r.env].deploy, local.release_statements[r.env]) } if r.kind == "deploy" },
  )

  managed_policy_attachments = merge([
    for k, r in local.roles : { for a in(r.kind == "plan" ? local.plan_policy_arns : var.apply_policy_arns) : "${k}|${a}" => { role = k, policy_arn = a } }
  ]...)
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.oidc_provider_arn == null ? 1 : 0

  url            = "https://${local.issuer}"
  client_id_list = ["sts.amazonaws.com"]
  # IAM no longer checks these for GitHub (it trusts its own CA store); the provider still accepts a list.
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd"]
  tags            = var.tags
}

resource "aws_iam_role" "this" {
  for_each = local.roles

  name                 = "${module.naming[each.value.env].prefix}-github-${each.value.kind}"
  description          = "GitHub Actions ${each.value.kind} role for ${each.value.env}: ${each.value.sub}."
  assume_role_policy   = jsonencode(local.trust_policies[each.key])
  max_session_duration = each.value.kind == "deploy" ? var.max_session_duration : 3600
  tags                 = var.tags
}

resource "aws_iam_role_policy" "this" {
  for_each = local.roles

  name   = "${each.key}-scoped"
  role   = aws_iam_role.this[each.key].id
  policy = jsonencode(local.policies[each.key])
}

resource "aws_iam_role_policy_attachment" "managed" {
  for_each = local.managed_policy_attachments

  role       = aws_iam_role.this[each.value.role].name
  policy_arn = each.value.policy_arn
}
