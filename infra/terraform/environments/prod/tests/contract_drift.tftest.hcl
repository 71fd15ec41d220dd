# Java-free drift check: the environment variable names Terraform sets on each function must be exactly the
# list in contract/platform-contract.json (the same file the Java side checks PlatformNames against).
mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  jwt_issuer          = "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_example"
  jwt_audience        = ["client-id"]
  processor_image_tag = "0123abc"
  # Zips from the artifacts bucket: the local Maven output may be rebuilt while the tests run.
  artifacts_bucket     = "moc-platform-artifacts"
  artifacts_key_prefix = "builds/0123abc/"
}

run "function_environment_matches_contract" {
  assert {
    condition     = toset(keys(output.function_environment_variable_names)) == toset(keys(jsondecode(file("../../../../contract/platform-contract.json")).functions))
    error_message = "Terraform deploys exactly the functions the contract lists."
  }
  assert {
    condition = alltrue([
      for name, spec in jsondecode(file("../../../../contract/platform-contract.json")).functions :
      output.function_environment_variable_names[name] == sort(spec.env)
    ])
    error_message = "A function's environment variable names differ from contract/platform-contract.json."
  }
}
