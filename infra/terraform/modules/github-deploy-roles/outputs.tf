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

output "apply_policies" {
  description = "Per environment: the decoded policy that lets its deploy role run terraform apply."
  value       = { for env in keys(var.environments) : env => { Version = "2012-10-17", Statement = local.apply_statements[env] } }
}

output "function_boundaries" {
  description = "Per environment: ARN and decoded document of the permissions boundary every role of the stack must carry."
  value       = { for env in keys(var.environments) : env => { arn = local.apply_names[env].boundary, policy = { Version = "2012-10-17", Statement = local.boundary_statements[env] } } }
}

output "plan_denied_actions" {
  description = "Data-reading actions denied to the plan roles (parameter reads except the generated cursor key's)."
  value       = sort(concat(flatten(values(local.plan_denied_data_reads)), local.plan_denied_parameter_reads))
}
