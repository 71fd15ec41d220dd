mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  repository       = "moc-org/moc-platform"
  state_bucket     = "moc-platform-tfstate"
  artifacts_bucket = "moc-platform-artifacts"
  environments = {
    dev     = { github_environment = "dev" }
    staging = { github_environment = "staging" }
    prod    = { github_environment = "production" }
  }
}

run "trust_is_bound_to_repository_and_environment" {
  assert {
    condition     = length(aws_iam_openid_connect_provider.github) == 1 && aws_iam_openid_connect_provider.github[0].url == "https://token.actions.githubusercontent.com" && aws_iam_openid_connect_provider.github[0].client_id_list == toset(["sts.amazonaws.com"])
    error_message = "The module creates GitHub's OIDC provider with audience sts.amazonaws.com."
  }
  assert {
    condition     = keys(output.trust_policies) == ["dev-deploy", "dev-plan", "prod-deploy", "prod-plan", "staging-deploy", "staging-plan"]
    error_message = "One plan and one deploy role per environment."
  }
  assert {
    condition = alltrue([for k, p in output.trust_policies : length(p.Statement) == 1 && p.Statement[0].Effect == "Allow"
      && p.Statement[0].Action == "sts:AssumeRoleWithWebIdentity"
      && p.Statement[0].Principal == { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
    && keys(p.Statement[0].Condition) == ["StringEquals"]])
    error_message = "Only GitHub's OIDC provider may assume the roles, with StringEquals conditions only (no StringLike)."
  }
  assert {
    condition     = alltrue([for k, p in output.trust_policies : p.Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:aud"] == "sts.amazonaws.com"])
    error_message = "aud must equal sts.amazonaws.com."
  }
  assert {
    condition = (
      output.trust_policies["dev-plan"].Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == "repo:moc-org/moc-platform:environment:dev-plan"
      && output.trust_policies["dev-deploy"].Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == "repo:moc-org/moc-platform:environment:dev"
      && output.trust_policies["staging-plan"].Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == "repo:moc-org/moc-platform:environment:staging-plan"
      && output.trust_policies["prod-plan"].Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == "repo:moc-org/moc-platform:environment:production-plan"
      && output.trust_policies["prod-deploy"].Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == "repo:moc-org/moc-platform:environment:production"
    )
    error_message = "sub is bound to this repository and the GitHub environment (<env>-plan for plan roles)."
  }
  assert {
    condition     = alltrue([for k, p in output.trust_policies : !strcontains(p.Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"], "*") && !strcontains(p.Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"], "?")])
    error_message = "sub must never contain a wildcard."
  }
  assert {
    condition     = alltrue([for k, r in aws_iam_role.this : jsondecode(r.assume_role_policy) == output.trust_policies[k]])
    error_message = "The roles carry the asserted trust policies."
  }
  assert {
    condition     = aws_iam_role.this["prod-deploy"].name == "moc-platform-prod-github-deploy" && aws_iam_role.this["dev-plan"].name == "moc-platform-dev-github-plan" && aws_iam_role.this["prod-deploy"].max_session_duration == 3600
    error_message = "Role names follow the environment prefix; deploy sessions last an hour (the workflow asks for 3600 s)."
  }
}

run "policies_have_no_wildcard_actions" {
  assert {
    condition     = alltrue(flatten([for k, p in output.policies : [for s in p.Statement : [for a in s.Action : a != "*" && !endswith(a, ":*") && !strcontains(a, "*")]]]))
    error_message = "No \"*\" action (nor service:* or prefix wildcards) in the module's own policies."
  }
  assert {
    condition     = alltrue(flatten([for k, p in output.policies : [for s in p.Statement : s.Effect == "Deny" || !contains(try(s.Resource, []), "*") || s.Sid == "EcrLogin"]]))
    error_message = "Allow statements name resources; the only Resource \"*\" is ecr:GetAuthorizationToken, which has no resource-level permissions."
  }
  assert {
    condition     = output.managed_policy_arns["dev-plan"] == tolist(["arn:aws:iam::aws:policy/ReadOnlyAccess"]) && length(output.managed_policy_arns["dev-deploy"]) == 0
    error_message = "Plan roles get ReadOnlyAccess; deploy roles get no managed policy besides the module's own apply policy and the extra ones passed in."
  }
}

run "plan_role_reads_state_and_locks_only_its_environment" {
  assert {
    condition = [for s in output.policies["staging-plan"].Statement : s if s.Effect == "Allow" && startswith(s.Sid, "ReadState") || s.Sid == "LockState"] == [
      { Sid = "ReadState", Effect = "Allow", Action = ["s3:GetObject"], Resource = ["arn:aws:s3:::moc-platform-tfstate/moc-platform/staging/terraform.tfstate"] },
      { Sid = "LockState", Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], Resource = ["arn:aws:s3:::moc-platform-tfstate/moc-platform/staging/terraform.tfstate.tflock"] },
    ]
    error_message = "The plan role reads its environment's state and writes only the lock file."
  }
  assert {
    condition     = length([for s in output.policies["staging-plan"].Statement : s if contains(s.Action, "s3:PutObject") && !endswith(try(s.Resource[0], ""), ".tflock")]) == 0
    error_message = "The plan role cannot write the state or the artifacts."
  }
  assert {
    condition     = length([for s in output.policies["staging-plan"].Statement : s if s.Effect == "Deny" && s.Sid == "DenyDataObjectReads"]) == 1 && length([for s in output.policies["staging-plan"].Statement : s if s.Effect == "Deny" && s.Sid == "DenyTableReads"]) == 1
    error_message = "ReadOnlyAccess's data-plane reads (objects, items) are denied to the unreviewed plan environment."
  }
  assert {
    # The whole Allow side of the plan role's own policy, written out: an added statement, action, resource or a
    # dropped condition fails here (compared as a set of JSON texts, both ways).
    condition = sort([for s in output.policies["staging-plan"].Statement : jsonencode(s) if s.Effect == "Allow"]) == sort([for s in [
      { Sid = "ListStatePrefix", Effect = "Allow", Action = ["s3:ListBucket"], Resource = ["arn:aws:s3:::moc-platform-tfstate"], Condition = { StringLike = { "s3:prefix" = ["moc-platform/staging/*"] } } },
      { Sid = "ReadState", Effect = "Allow", Action = ["s3:GetObject"], Resource = ["arn:aws:s3:::moc-platform-tfstate/moc-platform/staging/terraform.tfstate"] },
      { Sid = "LockState", Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], Resource = ["arn:aws:s3:::moc-platform-tfstate/moc-platform/staging/terraform.tfstate.tflock"] },
      {
        Sid      = "RefreshGeneratedCursorKey"
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = ["arn:aws:kms:eu-west-2:123456789012:key/*"]
        Condition = {
          "ForAnyValue:StringEquals" = { "kms:ResourceAliases" = ["alias/moc-platform-staging-cursor-signing-key"] }
          StringEquals = {
            "kms:ViaService"                      = "ssm.eu-west-2.amazonaws.com"
            "kms:EncryptionContext:PARAMETER_ARN" = "arn:aws:ssm:eu-west-2:123456789012:parameter/moc-platform/staging/cursor-signing-key"
          }
        }
      },
    ] : jsonencode(s)])
    error_message = "The plan role may list and read its environment's state, take its lock, and decrypt, through SSM only, the generated cursor key of its own environment with that key (the provider's refresh reads it decrypted, then drops the write-only value; the state bucket is SSE-S3); nothing else."
  }
  assert {
    condition     = one([for s in output.apply_policies["staging"].Statement : s.Condition if s.Sid == "WriteAndRefreshGeneratedCursorKey"]) == one([for s in output.policies["staging-plan"].Statement : s.Condition if s.Sid == "RefreshGeneratedCursorKey"])
    error_message = "The apply writes and refreshes the cursor key under the same narrow conditions as the plan's refresh."
  }
}

run "plan_role_is_denied_every_data_read" {
  assert {
    # Written out here, not read from the module: dropping one from the module must fail this test.
    condition = alltrue([for a in [
      "s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAttributes", "s3:GetObjectTorrent", "s3:GetObjectVersionTorrent",
      "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:PartiQLSelect",
      "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ExportTableToPointInTime",
      "sqs:ReceiveMessage",
      "logs:GetLogEvents", "logs:FilterLogEvents", "logs:StartQuery", "logs:GetQueryResults", "logs:StartLiveTail",
      "logs:GetLogRecord", "logs:Unmask", "logs:GetLogGroupFields",
      "xray:BatchGetTraces", "xray:GetTraceSummaries", "xray:GetTraceGraph",
      "secretsmanager:GetSecretValue", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory",
      "cognito-idp:ListUsers", "cognito-idp:AdminGetUser", "cognito-idp:ListUsersInGroup",
    ] : contains(flatten([for s in output.policies["staging-plan"].Statement : s.Action if s.Effect == "Deny"]), a)])
    error_message = "Every data-reading action of the services the stack uses (objects, items incl. PartiQL and streams, messages, logs incl. Insights and Live Tail, traces, secrets, parameters, users) is denied to the plan role."
  }
  assert {
    condition     = alltrue([for s in output.policies["staging-plan"].Statement : s.Effect == "Deny" ? (try(s.Resource, null) == ["*"] || s.Sid == "DenyDataObjectReads" || s.Sid == "DenyParameterReads") && !can(s.Condition) : true])
    error_message = "The denies have no conditions and cover every resource, except objects of the state and artifacts buckets and the cursor key parameter."
  }
  assert {
    condition = (
      one([for s in output.policies["staging-plan"].Statement : s.NotResource if s.Sid == "DenyDataObjectReads"]) == ["arn:aws:s3:::moc-platform-tfstate/*", "arn:aws:s3:::moc-platform-artifacts/*"]
      && one([for s in output.policies["staging-plan"].Statement : s.NotResource if s.Sid == "DenyParameterReads"]) == ["arn:aws:ssm:eu-west-2:123456789012:parameter/moc-platform/staging/cursor-signing-key"]
    )
    error_message = "Only the state and artifacts objects and the generated cursor key (for the refresh) escape the denies; the Gemini key parameter does not."
  }
  assert {
    condition     = [for s in output.policies["staging-plan"].Statement : s.Sid if s.Effect == "Allow" && contains(s.Action, "kms:Decrypt")] == ["RefreshGeneratedCursorKey"]
    error_message = "No other statement lets the plan role decrypt."
  }
  assert {
    condition     = output.plan_denied_actions == sort(distinct(flatten([for s in output.policies["prod-plan"].Statement : s.Action if s.Effect == "Deny"])))
    error_message = "The documented list of denied actions is the one the policy carries."
  }
}

run "apply_policy_is_scoped_to_the_environment" {
  assert {
    condition     = alltrue(flatten([for s in output.apply_policies["prod"].Statement : [for a in s.Action : !strcontains(a, "*")]]))
    error_message = "The apply policy names every action (no \"*\", no service:* or prefix wildcards)."
  }
  assert {
    condition     = sort([for s in output.apply_policies["prod"].Statement : s.Sid if s.Effect == "Allow" && contains(s.Resource, "*")]) == tolist(["CreateTaggedKeys", "CreateTaggedUserPool", "HttpApiAccessLogDelivery", "ManageQueueTriggers", "ReadAccountLevelConfiguration", "TagOwnKeys", "TagOwnUserPool"])
    error_message = "Resource \"*\" only where AWS has no resource-level permissions (log delivery, describe/list) or a condition narrows it (mapping's function, new key's or user pool's tag)."
  }
  assert {
    condition = alltrue(flatten([for s in output.apply_policies["prod"].Statement : [
      for r in s.Resource : strcontains(r, "prod") || r == "*" || (contains(["arn:aws:kms:eu-west-2:123456789012:key/*", "arn:aws:cognito-idp:eu-west-2:123456789012:userpool/*"], r) && can(s.Condition)) || startswith(r, "arn:aws:apigateway:") || startswith(r, "arn:aws:cloudfront:") || startswith(r, "arn:aws:ce:") || r == "arn:aws:iam::123456789012:role/aws-service-role/ops.apigateway.amazonaws.com/AWSServiceRoleForAPIGateway"
    ] if s.Effect == "Allow"]))
    error_message = "Every named resource is one of this environment's (by its name), except keys and user pools (narrowed by tag or alias conditions), the id-named HTTP APIs, CloudFront resources, anomaly monitors and API Gateway's service-linked role."
  }
  assert {
    condition     = length([for s in output.apply_policies["prod"].Statement : s if s.Effect == "Allow" && anytrue([for r in s.Resource : strcontains(r, "staging") || strcontains(r, "-dev")])]) == 0
    error_message = "The production apply policy reaches nothing of staging or dev."
  }
  assert {
    condition = [for s in output.apply_policies["prod"].Statement : { sid = s.Sid, resource = s.Resource, condition = try(s.Condition, null) } if contains(s.Action, "iam:PassRole")] == [
      {
        sid       = "PassFunctionRolesToLambda"
        resource  = ["arn:aws:iam::123456789012:role/dlq-handler-prod-role", "arn:aws:iam::123456789012:role/drawing-processor-prod-role", "arn:aws:iam::123456789012:role/image-api-prod-role", "arn:aws:iam::123456789012:role/job-api-prod-role", "arn:aws:iam::123456789012:role/job-reconciler-prod-role"]
        condition = { StringEquals = { "iam:PassedToService" = "lambda.amazonaws.com" } }
      },
      {
        sid       = "PassCodeDeployRolesToCodeDeploy"
        resource  = ["arn:aws:iam::123456789012:role/dlq-handler-prod-codedeploy", "arn:aws:iam::123456789012:role/drawing-processor-prod-codedeploy", "arn:aws:iam::123456789012:role/image-api-prod-codedeploy", "arn:aws:iam::123456789012:role/job-api-prod-codedeploy", "arn:aws:iam::123456789012:role/job-reconciler-prod-codedeploy"]
        condition = { StringEquals = { "iam:PassedToService" = "codedeploy.amazonaws.com" } }
      },
    ]
    error_message = "iam:PassRole only for the five function roles to Lambda (and the CodeDeploy service roles to CodeDeploy)."
  }
  assert {
    condition = alltrue([for s in output.apply_policies["prod"].Statement : (
      try(s.Condition, null) == { StringEquals = { "iam:PermissionsBoundary" = "arn:aws:iam::123456789012:policy/moc-platform-prod-function-boundary" } }
    ) if s.Effect == "Allow" && anytrue([for a in ["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary"] : contains(s.Action, a)])])
    error_message = "Roles are created, and their policies written, only with the environment's permissions boundary."
  }
  assert {
    condition     = length([for s in output.apply_policies["prod"].Statement : s if s.Effect == "Deny" && s.Action == ["iam:DeleteRolePermissionsBoundary"]]) == 1 && length([for s in output.apply_policies["prod"].Statement : s if s.Effect == "Deny" && s.Action == ["iam:AttachRolePolicy"] && try(s.Condition, null) == { ArnNotEquals = { "iam:PolicyARN" = ["arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited"] } }]) == 1
    error_message = "The boundary cannot be removed, and the only managed policy the apply may attach is CodeDeploy's."
  }
  assert {
    condition     = length([for s in output.apply_policies["prod"].Statement : s if s.Effect == "Allow" && anytrue([for r in s.Resource : strcontains(r, "github")])]) == 0
    error_message = "The apply cannot touch the GitHub roles (its own permissions)."
  }
  assert {
    condition     = one([for s in output.apply_policies["prod"].Statement : try(s.Condition, null) if contains(s.Action, "iam:CreateServiceLinkedRole")]) == { StringEquals = { "iam:AWSServiceName" = "ops.apigateway.amazonaws.com" } }
    error_message = "The only service-linked role the apply may create is API Gateway's."
  }
  assert {
    condition     = alltrue([for a in ["logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies"] : contains(one([for s in output.apply_policies["prod"].Statement : s.Action if s.Sid == "HttpApiAccessLogDelivery"]), a)])
    error_message = "The log-delivery actions HTTP API access logging needs from its caller."
  }
  assert {
    condition     = [for s in output.apply_policies["prod"].Statement : { sid = s.Sid, action = s.Action, resource = s.Resource } if anytrue([for a in s.Action : startswith(a, "ecr:")])] == [{ sid = "LookUpProcessorRepository", action = ["ecr:DescribeRepositories", "ecr:ListTagsForResource"], resource = ["arn:aws:ecr:eu-west-2:123456789012:repository/drawing-processor-prod"] }]
    error_message = "The apply only looks up the processor repository: the account bootstrap creates it and owns its policies, so a deploy can neither delete it nor open it to others."
  }
  assert {
    condition = [for s in output.apply_policies["prod"].Statement : { sid = s.Sid, resource = s.Resource, condition = s.Condition } if anytrue([for a in s.Action : startswith(a, "cognito-idp:")])] == [
      { sid = "CreateTaggedUserPool", resource = ["*"], condition = { StringEquals = { "aws:RequestTag/Environment" = "prod" } } },
      { sid = "TagOwnUserPool", resource = ["*"], condition = { StringEquals = { "aws:RequestTag/Environment" = "prod" }, StringEqualsIfExists = { "aws:ResourceTag/Environment" = "prod" } } },
      { sid = "ManageTaggedUserPool", resource = ["arn:aws:cognito-idp:eu-west-2:123456789012:userpool/*"], condition = { StringEquals = { "aws:ResourceTag/Environment" = "prod" } } },
    ]
    error_message = "The apply creates a user pool only tagged with its environment and manages only pools carrying that tag (never another environment's users)."
  }
  assert {
    condition = [for s in output.apply_policies["prod"].Statement : { sid = s.Sid, action = s.Action, condition = s.Condition } if contains(s.Action, "kms:TagResource") || contains(s.Action, "cognito-idp:TagResource")] == [
      { sid = "TagOwnKeys", action = ["kms:TagResource"], condition = { StringEquals = { "aws:RequestTag/Environment" = "prod" }, StringEqualsIfExists = { "aws:ResourceTag/Environment" = "prod" } } },
      { sid = "TagOwnUserPool", action = ["cognito-idp:TagResource"], condition = { StringEquals = { "aws:RequestTag/Environment" = "prod" }, StringEqualsIfExists = { "aws:ResourceTag/Environment" = "prod" } } },
    ]
    error_message = "Tagging may set only this environment's tag and never retag another environment's key or pool (which the role could then manage)."
  }
  assert {
    condition     = length([for a in flatten([for s in output.apply_policies["prod"].Statement : s.Action]) : a if startswith(a, "cognito-idp:") && (strcontains(a, "User") && !strcontains(a, "UserPool") || strcontains(a, "Admin"))]) == 0
    error_message = "The apply never reads or administers users (no ListUsers, Admin*, SignUp: users are data)."
  }
  assert {
    condition     = one([for s in output.apply_policies["prod"].Statement : s.Resource if s.Sid == "ManageScheduleRules"]) == ["arn:aws:events:eu-west-2:123456789012:rule/moc-platform-prod-*"] && length([for s in output.apply_policies["prod"].Statement : s if anytrue([for a in s.Action : startswith(a, "events:")])]) == 1
    error_message = "EventBridge rules (the reconciler's schedule) only under this environment's prefix, in one statement."
  }
  assert {
    condition     = aws_iam_role_policy_attachment.apply["prod"].role == aws_iam_role.this["prod-deploy"].name && jsondecode(aws_iam_policy.apply["prod"].policy) == output.apply_policies["prod"] && aws_iam_policy.apply["prod"].name == "moc-platform-prod-terraform-apply"
    error_message = "Each deploy role carries its environment's apply policy."
  }
}

run "function_boundary_caps_every_created_role" {
  assert {
    # The functions' roles are rendered from the contract's permissions; an action missing from the boundary
    # would be denied in AWS while every offline test passes.
    condition = alltrue([
      for a in distinct(flatten([for statements in values(jsondecode(file("../../../../contract/platform-contract.json")).permissions) : [for st in statements : st.actions]])) :
      contains(flatten([for st in output.function_boundaries["prod"].policy.Statement : st.Action]), a)
    ])
    error_message = "Every action the contract grants a function is within the permissions boundary."
  }
  assert {
    condition     = output.function_boundaries["prod"].arn == "arn:aws:iam::123456789012:policy/moc-platform-prod-function-boundary" && aws_iam_policy.function_boundary["prod"].name == "moc-platform-prod-function-boundary" && jsondecode(aws_iam_policy.function_boundary["prod"].policy) == output.function_boundaries["prod"].policy
    error_message = "One boundary per environment, at the name the platform module computes."
  }
  assert {
    condition     = alltrue(flatten([for s in output.function_boundaries["prod"].policy.Statement : [for a in s.Action : !strcontains(a, "*") && !startswith(a, "iam:") && !startswith(a, "sts:")]]))
    error_message = "The boundary names its actions and grants no IAM or STS action."
  }
  assert {
    condition = alltrue(flatten([for s in output.function_boundaries["prod"].policy.Statement : [
      for r in s.Resource : strcontains(r, "prod") || (r == "*" && contains(["WriteTraces", "ReadRollbackAlarms"], s.Sid)) || (s.Sid == "UseEnvironmentKeys" && try(s.Condition, null) == { StringEquals = { "aws:ResourceTag/Environment" = "prod" } })
    ]]))
    error_message = "The boundary reaches only this environment's resources (X-Ray writes and DescribeAlarms have no resource-level permissions; keys by their Environment tag)."
  }
}

run "deploy_role_release_permissions_are_scoped" {
  assert {
    condition     = one([for s in output.policies["prod-deploy"].Statement : s.Resource if s.Sid == "ReleaseAndRollBackFunctions"]) == ["arn:aws:lambda:eu-west-2:123456789012:function:dlq-handler-prod", "arn:aws:lambda:eu-west-2:123456789012:function:dlq-handler-prod:*", "arn:aws:lambda:eu-west-2:123456789012:function:drawing-processor-prod", "arn:aws:lambda:eu-west-2:123456789012:function:drawing-processor-prod:*", "arn:aws:lambda:eu-west-2:123456789012:function:image-api-prod", "arn:aws:lambda:eu-west-2:123456789012:function:image-api-prod:*", "arn:aws:lambda:eu-west-2:123456789012:function:job-api-prod", "arn:aws:lambda:eu-west-2:123456789012:function:job-api-prod:*", "arn:aws:lambda:eu-west-2:123456789012:function:job-reconciler-prod", "arn:aws:lambda:eu-west-2:123456789012:function:job-reconciler-prod:*"]
    error_message = "Alias moves and invocations only on this environment's five functions."
  }
  assert {
    condition     = one([for s in output.policies["prod-deploy"].Statement : s.Resource if s.Sid == "PushProcessorImage"]) == ["arn:aws:ecr:eu-west-2:123456789012:repository/drawing-processor-prod"]
    error_message = "ECR push only to this environment's processor repository."
  }
  assert {
    condition     = contains(one([for s in output.policies["prod-deploy"].Statement : s.Resource if s.Sid == "StartCodeDeployReleases"]), "arn:aws:codedeploy:eu-west-2:123456789012:deploymentgroup:job-api-prod/job-api-prod-live")
    error_message = "CodeDeploy deployments only in this environment's deployment groups (the names modules/lambda-function creates)."
  }
  assert {
    condition     = one([for s in output.policies["prod-deploy"].Statement : s if s.Sid == "ReadE2eUserPasswords"]) == { Sid = "ReadE2eUserPasswords", Effect = "Allow", Action = ["ssm:GetParameter"], Resource = ["arn:aws:ssm:eu-west-2:123456789012:parameter/moc-platform/prod/e2e/*"] } && length([for s in output.policies["prod-plan"].Statement : s if s.Sid == "ReadE2eUserPasswords"]) == 0
    error_message = "Only the deploy role reads the end-to-end test users' passwords, and only its own environment's."
  }
  assert {
    condition     = one([for s in output.policies["prod-deploy"].Statement : s.Resource if s.Sid == "NotifyAlerts"]) == ["arn:aws:sns:eu-west-2:123456789012:alerts-prod"] && one([for s in output.policies["prod-deploy"].Statement : s.Resource if s.Sid == "ReadWriteState"]) == ["arn:aws:s3:::moc-platform-tfstate/moc-platform/prod/terraform.tfstate"]
    error_message = "The deploy role publishes to its own alerts topic and writes only its own state."
  }
}

run "existing_oidc_provider" {
  command = plan
  variables {
    oidc_provider_arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
  }
  assert {
    condition     = length(aws_iam_openid_connect_provider.github) == 0 && output.oidc_provider_arn == "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    error_message = "A given provider ARN is used instead of creating a second provider."
  }
}

run "rejects_repository_without_owner" {
  command = plan
  variables {
    repository = "moc-platform"
  }
  expect_failures = [var.repository]
}

run "rejects_wildcard_repository" {
  command = plan
  variables {
    repository = "moc-org/*"
  }
  expect_failures = [var.repository]
}

run "rejects_wildcard_environment" {
  command = plan
  variables {
    environments = { dev = { github_environment = "*" } }
  }
  expect_failures = [var.environments]
}

run "rejects_unknown_environment" {
  command = plan
  variables {
    environments = { qa = { github_environment = "qa" } }
  }
  expect_failures = [var.environments]
}

run "rejects_administrator_access" {
  command = plan
  variables {
    apply_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
  }
  expect_failures = [var.apply_policy_arns]
}
