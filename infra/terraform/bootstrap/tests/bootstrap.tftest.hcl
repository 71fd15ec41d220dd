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
