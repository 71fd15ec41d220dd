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
    error_message = "Plan roles get ReadOnlyAccess; deploy roles get only the apply policies passed in."
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
    condition = one([for s in output.policies["staging-plan"].Statement : s if s.Sid == "RefreshSecureParameters"]) == {
      Sid      = "RefreshSecureParameters"
      Effect   = "Allow"
      Action   = ["kms:Decrypt"]
      Resource = ["arn:aws:kms:eu-west-2:123456789012:key/*"]
      Condition = {
        "ForAnyValue:StringEquals" = { "kms:ResourceAliases" = ["alias/moc-platform-staging-gemini-api-key", "alias/moc-platform-staging-cursor-signing-key"] }
        StringEquals               = { "kms:ViaService" = "ssm.eu-west-2.amazonaws.com" }
      }
    }
    error_message = "The plan role decrypts, through SSM only, with the keys of its own environment's two SecureString parameters (the provider's refresh reads them decrypted)."
  }
}

run "deploy_role_release_permissions_are_scoped" {
  assert {
    condition     = one([for s in output.policies["prod-deploy"].Statement : s.Resource if s.Sid == "ReleaseAndRollBackFunctions"]) == ["arn:aws:lambda:eu-west-2:123456789012:function:dlq-handler-prod", "arn:aws:lambda:eu-west-2:123456789012:function:dlq-handler-prod:*", "arn:aws:lambda:eu-west-2:123456789012:function:drawing-processor-prod", "arn:aws:lambda:eu-west-2:123456789012:function:drawing-processor-prod:*", "arn:aws:lambda:eu-west-2:123456789012:function:image-api-prod", "arn:aws:lambda:eu-west-2:123456789012:function:image-api-prod:*", "arn:aws:lambda:eu-west-2:123456789012:function:job-api-prod", "arn:aws:lambda:eu-west-2:123456789012:function:job-api-prod:*"]
    error_message = "Alias moves and invocations only on this environment's four functions."
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
