# One-time setup per AWS account (docs/deployment.md "One-time setup per AWS account"): the state bucket, the
# artifacts bucket, GitHub's OIDC provider, a plan and a deploy role per environment, and per environment the
# processor's image repository (its image must be pushed before the environment's first apply creates the
# function, so the repository cannot belong to the environment's own stack).
provider "aws" {
  region = "eu-west-2"

  default_tags {
    tags = { Project = "moc-platform", Environment = "account", ManagedBy = "terraform" }
  }
}

module "state_bucket" {
  source = "../modules/s3-bucket"

  bucket_name = var.state_bucket
  # State history is the way back from a bad apply: keep noncurrent versions longer than the data buckets do.
  noncurrent_version_expiration_days = 90
}

module "artifacts_bucket" {
  source = "../modules/s3-bucket"

  bucket_name                        = var.artifacts_bucket
  noncurrent_version_expiration_days = 7
  lifecycle_rules                    = [{ id = "expire-builds", expiration_days = var.artifacts_retention_days }]
}

module "github_deploy_roles" {
  source = "../modules/github-deploy-roles"

  repository        = var.repository
  oidc_provider_arn = var.oidc_provider_arn
  environments      = var.environments
  state_bucket      = module.state_bucket.bucket_name
  artifacts_bucket  = module.artifacts_bucket.bucket_name
  apply_policy_arns = var.apply_policy_arns
}

module "naming" {
  source   = "../modules/naming"
  for_each = var.environments

  environment        = each.key
  bucket_name_suffix = each.value.bucket_name_suffix
}

module "processor_repository" {
  source   = "../modules/ecr"
  for_each = var.environments

  name                  = module.naming[each.key].functions["drawing-processor"].function_name
  lambda_function_names = [module.naming[each.key].functions["drawing-processor"].function_name]
  # The images are the releases (rollback pulls an older tag): prod's repository is never deleted with images in it.
  force_delete = each.key != "prod"
  tags         = { Environment = each.key }
}
