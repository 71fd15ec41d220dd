# What `terraform apply` of one environment needs, attached to that environment's deploy role, and the
# permissions boundary every role the apply creates must carry. Resources are named by this environment's names
# (modules/naming) wherever AWS puts the name in the ARN; where ARNs hold only generated ids (HTTP APIs,
# CloudFront, KMS keys, cost anomaly monitors) the statement says how it is narrowed instead.

locals {
  apply_names = {
    for env, n in module.naming : env => {
      prefix    = n.prefix
      functions = [for f in values(n.functions) : f.function_name]
      boundary  = "${local.arn}:iam::${local.account}:policy/${n.prefix}-function-boundary"
      tables    = [for t in [n.resources.jobs_table, n.resources.images_table] : "${local.arn}:dynamodb:${local.region}:${local.account}:table/${t}"]
      buckets   = [for b in [n.resources.images_bucket, n.resources.drawings_bucket] : "${local.arn}:s3:::${b}"]
      queues    = [for q in [n.resources.jobs_queue, n.resources.jobs_dlq] : "${local.arn}:sqs:${local.region}:${local.account}:${q}"]
      topic     = "${local.arn}:sns:${local.region}:${local.account}:${n.resources.alerts_topic}"
      # The functions' log groups (their streams are "<group>:*").
      log_groups = [for f in values(n.functions) : "${local.arn}:logs:${local.region}:${local.account}:log-group:/aws/lambda/${f.function_name}"]
      # The contract's parameters live under /moc-platform/<env>/.
      parameters = "${local.arn}:ssm:${local.region}:${local.account}:parameter${dirname(n.resources.cursor_key_parameter)}/*"
    }
  }

  function_arns = {
    for env, a in local.apply_names : env => flatten([for f in a.functions : ["${local.arn}:lambda:${local.region}:${local.account}:function:${f}", "${local.arn}:lambda:${local.region}:${local.account}:function:${f}:*"]])
  }
  function_role_arns   = { for env, a in local.apply_names : env => [for f in a.functions : "${local.arn}:iam::${local.account}:role/${f}-role"] }
  codedeploy_role_arns = { for env, a in local.apply_names : env => [for f in a.functions : "${local.arn}:iam::${local.account}:role/${f}-codedeploy"] }
  stack_role_arns      = { for env in keys(local.apply_names) : env => concat(local.function_role_arns[env], local.codedeploy_role_arns[env]) }
  codedeploy_managed   = "${local.arn}:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited"

  # Resources whose ARNs hold only generated ids: a new one must carry this environment's Environment tag, and
  # only those carrying it are managed (the keys of the stack, and its optional user pool). Tagging is apart: it
  # must set this environment's tag and may not retag another environment's resource, or one environment's role
  # could take over another's key or pool by retagging it and then managing it.
  tagged_resource_types = {
    Keys = {
      create = ["kms:CreateKey"]
      tag    = "kms:TagResource"
      manage = [
        "kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:GetKeyRotationStatus", "kms:EnableKeyRotation",
        "kms:ListResourceTags", "kms:UntagResource", "kms:UpdateKeyDescription", "kms:ScheduleKeyDeletion",
        "kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias",
      ]
      arn = local.any_key
    }
    UserPool = {
      create = ["cognito-idp:CreateUserPool"]
      tag    = "cognito-idp:TagResource"
      manage = [
        "cognito-idp:DescribeUserPool", "cognito-idp:UpdateUserPool", "cognito-idp:DeleteUserPool", "cognito-idp:GetUserPoolMfaConfig",
        "cognito-idp:SetUserPoolMfaConfig", "cognito-idp:ListTagsForResource", "cognito-idp:UntagResource",
        "cognito-idp:CreateUserPoolClient", "cognito-idp:DescribeUserPoolClient", "cognito-idp:UpdateUserPoolClient", "cognito-idp:DeleteUserPoolClient",
      ]
      arn = "${local.arn}:cognito-idp:${local.region}:${local.account}:userpool/*"
    }
  }

  tagged_statements = {
    for env in keys(local.apply_names) : env => flatten([
      for type, r in local.tagged_resource_types : [
        { Sid = "CreateTagged${type}", Effect = "Allow", Action = r.create, Resource = ["*"], Condition = { StringEquals = { "aws:RequestTag/Environment" = env } } },
        # IfExists: at creation the resource has no tags yet; afterwards it must already be this environment's.
        { Sid = "TagOwn${type}", Effect = "Allow", Action = [r.tag], Resource = ["*"], Condition = { StringEquals = { "aws:RequestTag/Environment" = env }, StringEqualsIfExists = { "aws:ResourceTag/Environment" = env } } },
        { Sid = "ManageTagged${type}", Effect = "Allow", Action = r.manage, Resource = [r.arn], Condition = { StringEquals = { "aws:ResourceTag/Environment" = env } } },
      ]
    ])
  }

  apply_statements = {
    for env, a in local.apply_names : env => concat(local.tagged_statements[env], [
      {
        Sid    = "ManageFunctions"
        Effect = "Allow"
        Action = [
          "lambda:CreateFunction", "lambda:DeleteFunction", "lambda:GetFunction", "lambda:GetFunctionConfiguration",
          "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration", "lambda:PublishVersion", "lambda:ListVersionsByFunction",
          "lambda:CreateAlias", "lambda:GetAlias", "lambda:UpdateAlias", "lambda:DeleteAlias", "lambda:ListAliases",
          "lambda:AddPermission", "lambda:RemovePermission", "lambda:GetPolicy",
          "lambda:PutProvisionedConcurrencyConfig", "lambda:GetProvisionedConcurrencyConfig", "lambda:DeleteProvisionedConcurrencyConfig",
          "lambda:PutFunctionConcurrency", "lambda:GetFunctionConcurrency", "lambda:DeleteFunctionConcurrency",
          "lambda:GetFunctionCodeSigningConfig", "lambda:GetRuntimeManagementConfig", "lambda:GetFunctionRecursionConfig",
          "lambda:TagResource", "lambda:UntagResource", "lambda:ListTags",
        ]
        Resource = local.function_arns[env]
      },
      {
        # Mapping ids are generated: the condition names the function the mapping invokes.
        Sid       = "ManageQueueTriggers"
        Effect    = "Allow"
        Action    = ["lambda:CreateEventSourceMapping", "lambda:UpdateEventSourceMapping", "lambda:DeleteEventSourceMapping", "lambda:GetEventSourceMapping"]
        Resource  = ["*"]
        Condition = { ArnLike = { "lambda:FunctionArn" = local.function_arns[env] } }
      },
      {
        # The function and CodeDeploy roles: created only with this environment's boundary, which the roles'
        # own policies cannot exceed.
        Sid       = "CreateRolesWithBoundary"
        Effect    = "Allow"
        Action    = ["iam:CreateRole", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy", "iam:AttachRolePolicy"]
        Resource  = local.stack_role_arns[env]
        Condition = { StringEquals = { "iam:PermissionsBoundary" = a.boundary } }
      },
      {
        Sid    = "ManageRoles"
        Effect = "Allow"
        Action = [
          "iam:GetRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy", "iam:DeleteRole",
          "iam:TagRole", "iam:UntagRole", "iam:ListRoleTags", "iam:GetRolePolicy", "iam:DeleteRolePolicy",
          "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole", "iam:DetachRolePolicy",
        ]
        Resource = local.stack_role_arns[env]
      },
      {
        # The only managed policy attached: CodeDeploy's own, to the CodeDeploy roles.
        Sid       = "AttachOnlyCodeDeployPolicy"
        Effect    = "Deny"
        Action    = ["iam:AttachRolePolicy"]
        Resource  = ["*"]
        Condition = { ArnNotEquals = { "iam:PolicyARN" = [local.codedeploy_managed] } }
      },
      {
        Sid       = "PassFunctionRolesToLambda"
        Effect    = "Allow"
        Action    = ["iam:PassRole"]
        Resource  = local.function_role_arns[env]
        Condition = { StringEquals = { "iam:PassedToService" = "lambda.amazonaws.com" } }
      },
      {
        Sid       = "PassCodeDeployRolesToCodeDeploy"
        Effect    = "Allow"
        Action    = ["iam:PassRole"]
        Resource  = local.codedeploy_role_arns[env]
        Condition = { StringEquals = { "iam:PassedToService" = "codedeploy.amazonaws.com" } }
      },
      {
        # API Gateway's service-linked role, created the first time an account gets a custom domain name.
        Sid       = "CreateApiGatewayServiceLinkedRole"
        Effect    = "Allow"
        Action    = ["iam:CreateServiceLinkedRole"]
        Resource  = ["${local.arn}:iam::${local.account}:role/aws-service-role/ops.apigateway.amazonaws.com/AWSServiceRoleForAPIGateway"]
        Condition = { StringEquals = { "iam:AWSServiceName" = "ops.apigateway.amazonaws.com" } }
      },
      {
        # What the caller needs to turn on HTTP API access logging (CloudWatch Logs vended delivery); these
        # actions have no resource-level permissions.
        Sid    = "HttpApiAccessLogDelivery"
        Effect = "Allow"
        Action = [
          "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
          "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
        ]
        Resource = ["*"]
      },
      {
        Sid    = "ManageLogGroups"
        Effect = "Allow"
        Action = [
          "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy",
          "logs:TagResource", "logs:UntagResource", "logs:ListTagsForResource", "logs:TagLogGroup", "logs:ListTagsLogGroup",
        ]
        Resource = concat(
          a.log_groups,
          [for g in a.log_groups : "${g}:*"],
          ["${local.arn}:logs:${local.region}:${local.account}:log-group:/aws/apigateway/${a.prefix}-*"],
        )
      },
      {
        # Describe/list calls and saved queries without resource-level permissions.
        Sid    = "ReadAccountLevelConfiguration"
        Effect = "Allow"
        Action = [
          "logs:DescribeLogGroups", "logs:DescribeQueryDefinitions", "logs:PutQueryDefinition", "logs:DeleteQueryDefinition",
          "lambda:ListEventSourceMappings", "cloudwatch:DescribeAlarms", "ssm:DescribeParameters", "kms:ListAliases",
          "sqs:ListQueues", "dynamodb:ListTables", "apigateway:GET", "cloudfront:ListDistributions",
          "codedeploy:GetDeploymentConfig", "ce:GetAnomalyMonitors", "ce:GetAnomalySubscriptions",
        ]
        Resource = ["*"]
      },
      {
        Sid    = "ManageTables"
        Effect = "Allow"
        Action = [
          "dynamodb:CreateTable", "dynamodb:DeleteTable", "dynamodb:UpdateTable", "dynamodb:DescribeTable",
          "dynamodb:UpdateTimeToLive", "dynamodb:DescribeTimeToLive", "dynamodb:UpdateContinuousBackups",
          "dynamodb:DescribeContinuousBackups", "dynamodb:TagResource", "dynamodb:UntagResource", "dynamodb:ListTagsOfResource",
          "dynamodb:DescribeStream", "dynamodb:ListStreams",
        ]
        Resource = concat(a.tables, [for t in a.tables : "${t}/*"])
      },
      {
        Sid    = "ManageBuckets"
        Effect = "Allow"
        Action = [
          "s3:CreateBucket", "s3:DeleteBucket", "s3:ListBucket", "s3:ListBucketVersions", "s3:GetBucketLocation",
          "s3:GetBucketPolicy", "s3:GetBucketPolicyStatus", "s3:GetBucketVersioning", "s3:GetBucketPublicAccessBlock",
          "s3:GetBucketOwnershipControls", "s3:GetBucketCORS", "s3:GetBucketTagging", "s3:GetBucketLogging", "s3:GetBucketAcl",
          "s3:GetBucketWebsite", "s3:GetBucketRequestPayment", "s3:GetBucketObjectLockConfiguration", "s3:GetBucketNotification",
          "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketVersioning", "s3:PutEncryptionConfiguration",
          "s3:GetEncryptionConfiguration", "s3:PutLifecycleConfiguration", "s3:GetLifecycleConfiguration",
          "s3:PutBucketPublicAccessBlock", "s3:PutBucketOwnershipControls", "s3:PutBucketCORS", "s3:PutBucketTagging",
          "s3:PutMetricsConfiguration", "s3:GetMetricsConfiguration", "s3:PutBucketLogging",
          "s3:GetAccelerateConfiguration", "s3:GetReplicationConfiguration", "s3:GetIntelligentTieringConfiguration",
          "s3:GetAnalyticsConfiguration", "s3:GetInventoryConfiguration",
        ]
        Resource = a.buckets
      },
      {
        # Destroying a non-prod stack empties its buckets first (force_destroy); prod keeps its data.
        Sid      = "EmptyBucketsOnDestroy"
        Effect   = "Allow"
        Action   = ["s3:DeleteObject", "s3:DeleteObjectVersion"]
        Resource = [for b in a.buckets : "${b}/*"]
      },
      {
        Sid    = "ManageQueues"
        Effect = "Allow"
        Action = [
          "sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes", "sqs:GetQueueUrl",
          "sqs:TagQueue", "sqs:UntagQueue", "sqs:ListQueueTags", "sqs:ListDeadLetterSourceQueues",
        ]
        Resource = a.queues
      },
      {
        Sid    = "ManageAlertsTopic"
        Effect = "Allow"
        Action = [
          "sns:CreateTopic", "sns:DeleteTopic", "sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:Subscribe",
          "sns:Unsubscribe", "sns:GetSubscriptionAttributes", "sns:SetSubscriptionAttributes", "sns:ListSubscriptionsByTopic",
          "sns:TagResource", "sns:UntagResource", "sns:ListTagsForResource",
        ]
        Resource = [a.topic, "${a.topic}:*"]
      },
      {
        Sid      = "ManageKeyAliases"
        Effect   = "Allow"
        Action   = ["kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"]
        Resource = ["${local.arn}:kms:${local.region}:${local.account}:alias/${a.prefix}-*"]
      },
      {
        # Writing the generated cursor key (SSM encrypts with the caller's rights) and refreshing it.
        Sid       = "WriteAndRefreshGeneratedCursorKey"
        Effect    = "Allow"
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = [local.any_key]
        Condition = local.cursor_key_conditions[env]
      },
      {
        Sid      = "ManageParameters"
        Effect   = "Allow"
        Action   = ["ssm:PutParameter", "ssm:DeleteParameter", "ssm:GetParameter", "ssm:GetParameters", "ssm:AddTagsToResource", "ssm:RemoveTagsFromResource", "ssm:ListTagsForResource"]
        Resource = [a.parameters]
      },
      {
        # HTTP API ids are generated: the stack's APIs, stages, routes, integrations, authorizers, domain names
        # and their tags; the environment's name is in every API's name, not in its ARN.
        Sid      = "ManageHttpApis"
        Effect   = "Allow"
        Action   = ["apigateway:POST", "apigateway:PATCH", "apigateway:PUT", "apigateway:DELETE", "apigateway:TagResource", "apigateway:UntagResource"]
        Resource = ["${local.arn}:apigateway:${local.region}::/apis", "${local.arn}:apigateway:${local.region}::/apis/*", "${local.arn}:apigateway:${local.region}::/domainnames", "${local.arn}:apigateway:${local.region}::/domainnames/*", "${local.arn}:apigateway:${local.region}::/tags/*"]
      },
      {
        # Distribution, policy and access-control ids are generated (and CloudFront is global).
        Sid    = "ManageCdn"
        Effect = "Allow"
        Action = [
          "cloudfront:CreateDistribution", "cloudfront:CreateDistributionWithTags", "cloudfront:GetDistribution", "cloudfront:GetDistributionConfig",
          "cloudfront:UpdateDistribution", "cloudfront:DeleteDistribution", "cloudfront:TagResource", "cloudfront:UntagResource", "cloudfront:ListTagsForResource",
          "cloudfront:CreateOriginAccessControl", "cloudfront:GetOriginAccessControl", "cloudfront:UpdateOriginAccessControl", "cloudfront:DeleteOriginAccessControl",
          "cloudfront:CreateCachePolicy", "cloudfront:GetCachePolicy", "cloudfront:UpdateCachePolicy", "cloudfront:DeleteCachePolicy",
          "cloudfront:CreateResponseHeadersPolicy", "cloudfront:GetResponseHeadersPolicy", "cloudfront:UpdateResponseHeadersPolicy", "cloudfront:DeleteResponseHeadersPolicy",
          "cloudfront:CreateMonitoringSubscription", "cloudfront:GetMonitoringSubscription", "cloudfront:DeleteMonitoringSubscription",
        ]
        Resource = ["${local.arn}:cloudfront::${local.account}:distribution/*", "${local.arn}:cloudfront::${local.account}:origin-access-control/*", "${local.arn}:cloudfront::${local.account}:cache-policy/*", "${local.arn}:cloudfront::${local.account}:response-headers-policy/*"]
      },
      {
        Sid    = "ManageAlarmsAndDashboards"
        Effect = "Allow"
        Action = ["cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms", "cloudwatch:TagResource", "cloudwatch:UntagResource", "cloudwatch:ListTagsForResource", "cloudwatch:PutDashboard", "cloudwatch:GetDashboard", "cloudwatch:DeleteDashboards"]
        Resource = [
          "${local.arn}:cloudwatch:${local.region}:${local.account}:alarm:${a.prefix}-*",
          "${local.arn}:cloudwatch::${local.account}:dashboard/${a.prefix}-*",
        ]
      },
      {
        # job-reconciler's schedule (platform: aws_cloudwatch_event_rule.reconciler and its target).
        Sid    = "ManageScheduleRules"
        Effect = "Allow"
        Action = [
          "events:PutRule", "events:DescribeRule", "events:DeleteRule", "events:EnableRule", "events:DisableRule",
          "events:PutTargets", "events:RemoveTargets", "events:ListTargetsByRule",
          "events:TagResource", "events:UntagResource", "events:ListTagsForResource",
        ]
        Resource = ["${local.arn}:events:${local.region}:${local.account}:rule/${a.prefix}-*"]
      },
      {
        Sid    = "ManageCodeDeploy"
        Effect = "Allow"
        Action = [
          "codedeploy:CreateApplication", "codedeploy:GetApplication", "codedeploy:UpdateApplication", "codedeploy:DeleteApplication",
          "codedeploy:CreateDeploymentGroup", "codedeploy:GetDeploymentGroup", "codedeploy:UpdateDeploymentGroup", "codedeploy:DeleteDeploymentGroup",
          "codedeploy:TagResource", "codedeploy:UntagResource", "codedeploy:ListTagsForResource",
        ]
        Resource = concat(
          [for f in a.functions : "${local.arn}:codedeploy:${local.region}:${local.account}:application:${f}"],
          [for f in a.functions : "${local.arn}:codedeploy:${local.region}:${local.account}:deploymentgroup:${f}/*"],
        )
      },
      {
        # The repository belongs to the account bootstrap; the stack only looks it up (data source).
        Sid      = "LookUpProcessorRepository"
        Effect   = "Allow"
        Action   = ["ecr:DescribeRepositories", "ecr:ListTagsForResource"]
        Resource = ["${local.arn}:ecr:${local.region}:${local.account}:repository/${module.naming[env].functions["drawing-processor"].function_name}"]
      },
      {
        Sid      = "ManageBudget"
        Effect   = "Allow"
        Action   = ["budgets:ModifyBudget", "budgets:ViewBudget", "budgets:TagResource", "budgets:UntagResource", "budgets:ListTagsForResource"]
        Resource = ["${local.arn}:budgets::${local.account}:budget/${a.prefix}-*"]
      },
      {
        # Anomaly monitor and subscription ids are generated.
        Sid      = "ManageCostAnomalyAlerts"
        Effect   = "Allow"
        Action   = ["ce:CreateAnomalyMonitor", "ce:UpdateAnomalyMonitor", "ce:DeleteAnomalyMonitor", "ce:CreateAnomalySubscription", "ce:UpdateAnomalySubscription", "ce:DeleteAnomalySubscription", "ce:TagResource", "ce:UntagResource", "ce:ListTagsForResource"]
        Resource = ["${local.arn}:ce::${local.account}:anomalymonitor/*", "${local.arn}:ce::${local.account}:anomalysubscription/*"]
      },
      {
        Sid      = "NeverRemoveTheBoundary"
        Effect   = "Deny"
        Action   = ["iam:DeleteRolePermissionsBoundary"]
        Resource = ["*"]
      },
    ])
  }

  # The most any role the apply creates may do, whatever its own policy says: the functions' data-plane actions
  # on this environment's resources, their logs and traces, and what CodeDeploy needs to shift an alias.
  boundary_statements = {
    for env, a in local.apply_names : env => [
      {
        Sid      = "TableItems"
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:ConditionCheckItem"]
        Resource = concat(a.tables, [for t in a.tables : "${t}/index/*"])
      },
      { Sid = "BucketObjects", Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], Resource = [for b in a.buckets : "${b}/*"] },
      { Sid = "BucketListing", Effect = "Allow", Action = ["s3:ListBucket"], Resource = a.buckets },
      {
        Sid      = "QueueMessages"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"]
        Resource = a.queues
      },
      { Sid = "PublishAlerts", Effect = "Allow", Action = ["sns:Publish"], Resource = [a.topic] },
      { Sid = "ReadParameters", Effect = "Allow", Action = ["ssm:GetParameter"], Resource = [a.parameters] },
      {
        Sid       = "UseEnvironmentKeys"
        Effect    = "Allow"
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = [local.any_key]
        Condition = { StringEquals = { "aws:ResourceTag/Environment" = env } }
      },
      {
        Sid      = "WriteFunctionLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = [for g in a.log_groups : "${g}:*"]
      },
      { Sid = "WriteTraces", Effect = "Allow", Action = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resource = ["*"] },
      {
        Sid      = "ShiftAliases"
        Effect   = "Allow"
        Action   = ["lambda:GetAlias", "lambda:UpdateAlias", "lambda:GetProvisionedConcurrencyConfig"]
        Resource = local.function_arns[env]
      },
      { Sid = "ReadRollbackAlarms", Effect = "Allow", Action = ["cloudwatch:DescribeAlarms"], Resource = ["*"] },
    ]
  }
}

resource "aws_iam_policy" "function_boundary" {
  for_each = var.environments

  name        = "${module.naming[each.key].prefix}-function-boundary"
  description = "Permissions boundary of every role the ${each.key} stack creates."
  policy      = jsonencode({ Version = "2012-10-17", Statement = local.boundary_statements[each.key] })
  tags        = var.tags
}

resource "aws_iam_policy" "apply" {
  for_each = var.environments

  name        = "${module.naming[each.key].prefix}-terraform-apply"
  description = "terraform apply of the ${each.key} stack (attached to its GitHub deploy role)."
  policy      = jsonencode({ Version = "2012-10-17", Statement = local.apply_statements[each.key] })
  tags        = var.tags
}

resource "aws_iam_role_policy_attachment" "apply" {
  for_each = var.environments

  role       = aws_iam_role.this["${each.key}-deploy"].name
  policy_arn = aws_iam_policy.apply[each.key].arn
}
