output "oidc_provider_arn" {
  description = "The GitHub OIDC provider the roles trust (created here or given)."
  value       = local.oidc_provider_arn
}

output "roles" {
  description = "Per environment: plan and deploy role ARNs (GitHub variables AWS_PLAN_ROLE_ARN on <env>-plan, AWS_DEPLOY_ROLE_ARN on <env>)."
  value = {
    for env, e in var.environments : env => {
      github_environment = e.github_environment
      plan_role_arn      = aws_iam_role.this["${env}-plan"].arn
      deploy_role_arn    = aws_iam_role.this["${env}-deploy"].arn
    }
  }
}

output "trust_policies" {
  description = "Decoded trust policy of each role, for tests and reviews."
  value       = local.trust_policies
}

output "policies" {
  description = "Decoded inline policy of each role, for tests and reviews."
  value       = local.policies
}

output "managed_policy_arns" {
  description = "Managed policies attached to each role."
  value       = { for k in keys(local.roles) : k => sort([for a in values(local.managed_policy_attachments) : a.policy_arn if a.role == k]) }
}
