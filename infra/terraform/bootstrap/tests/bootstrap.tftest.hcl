mock_provider "aws" {
  source = "../tests/mocks"
}

variables {
  repository       = "moc-org/moc-platform"
  state_bucket     = "moc-platform-tfstate"
  artifacts_bucket = "moc-platform-artifacts"
}

run "account_setup" {
  assert {
    condition     = output.state_bucket == "moc-platform-tfstate" && output.artifacts_bucket == "moc-platform-artifacts"
    error_message = "Creates the state and artifacts buckets."
  }
  assert {
    condition     = module.artifacts_bucket.settings.lifecycle_rules["expire-builds"].expiration_days == 90 && module.state_bucket.settings.versioning_status == "Enabled" && alltrue(values(module.state_bucket.settings.public_access_block))
    error_message = "State bucket versioned and private; artifacts expire after 90 days."
  }
  assert {
    condition     = keys(output.github_environment_variables) == ["dev", "dev-plan", "production", "production-plan", "staging", "staging-plan"]
    error_message = "One role per GitHub environment the deploy workflow uses (<env> and <env>-plan)."
  }
  assert {
    condition     = module.github_deploy_roles.trust_policies["prod-deploy"].Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == "repo:moc-org/moc-platform:environment:production"
    error_message = "The production deploy role trusts only the production environment of this repository."
  }
}

run "processor_repositories_exist_before_any_environment" {
  assert {
    condition     = keys(output.processor_repository_urls) == ["dev", "prod", "staging"] && module.processor_repository["prod"].repository_name == "drawing-processor-prod" && module.processor_repository["dev"].repository_name == "drawing-processor-dev"
    error_message = "One processor repository per environment, named like the function (the name modules/platform looks up)."
  }
  assert {
    condition = alltrue([for env, s in output.processor_repository_settings : s.image_tag_mutability == "IMMUTABLE" && s.scan_on_push && s.encryption_type == "AES256"
    && [for r in s.lifecycle_rules : r.selection.tagStatus] == ["untagged", "any"]])
    error_message = "ECR baseline: immutable tags, scan on push, encrypted, lifecycle policy for untagged images and a rollback window."
  }
  assert {
    condition = output.processor_repository_settings["prod"].repository_policy.Statement == [{
      Sid       = "LambdaPull"
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      Condition = { StringLike = { "aws:sourceArn" = ["arn:aws:lambda:eu-west-2:123456789012:function:drawing-processor-prod", "arn:aws:lambda:eu-west-2:123456789012:function:drawing-processor-prod:*"] } }
    }]
    error_message = "Only Lambda pulls, and only for this environment's processor function."
  }
  assert {
    condition     = !output.processor_repository_settings["prod"].force_delete && output.processor_repository_settings["dev"].force_delete
    error_message = "Prod's repository (its images are the releases to roll back to) is never deleted with images in it."
  }
  assert {
    condition     = output.github_environment_variables["production"].PROCESSOR_REPOSITORY_URL == module.processor_repository["prod"].repository_url && !can(output.github_environment_variables["production-plan"].PROCESSOR_REPOSITORY_URL)
    error_message = "The deploy environment gets the repository it pushes to as a variable (no environment state needed to find it)."
  }
}

