mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_region" {
    defaults = { name = "eu-west-2" }
  }
  mock_resource "aws_ssm_parameter" {
    defaults = { arn = "arn:aws:ssm:eu-west-2:123456789012:parameter/moc-platform/dev/gemini-api-key" }
  }
  mock_resource "aws_kms_key" {
    defaults = { arn = "arn:aws:kms:eu-west-2:123456789012:key/11111111-2222-3333-4444-555555555555" }
  }
}

variables {
  name      = "/moc-platform/dev/gemini-api-key"
  key_alias = "moc-platform-dev-gemini"
}

run "operator_secret_is_not_a_terraform_resource" {
  assert {
    condition     = length(aws_ssm_parameter.generated) == 0 && nonsensitive(output.settings.managed_by_terraform) == false && nonsensitive(output.settings.value_source) == "operator"
    error_message = "An operator's secret is never a Terraform resource: a refresh would read it decrypted into state and every saved plan."
  }
  assert {
    condition     = output.parameter_arn == "arn:aws:ssm:eu-west-2:123456789012:parameter/moc-platform/dev/gemini-api-key" && output.parameter_name == "/moc-platform/dev/gemini-api-key"
    error_message = "Readers are granted the parameter by its name-derived ARN."
  }
  assert {
    condition     = strcontains(output.put_parameter_command, "--type SecureString --name '/moc-platform/dev/gemini-api-key' --key-id 'alias/moc-platform-dev-gemini'") && strcontains(output.put_parameter_command, "read -rs VALUE")
    error_message = "The operator is told how to create the value under this module's CMK, reading it from the prompt."
  }
  assert {
    condition     = aws_kms_key.parameter.enable_key_rotation && nonsensitive(output.settings.key_id) == aws_kms_key.parameter.arn
    error_message = "The CMK that encrypts the operator's parameter rotates."
  }
  assert {
    condition     = alltrue([for a in jsondecode(aws_kms_key.parameter.policy).Statement[0].Action : a != "*" && a != "kms:*"])
    error_message = "The key policy lists its actions."
  }
  assert {
    condition     = jsondecode(aws_kms_key.parameter.policy).Statement[0].Principal.AWS == "arn:aws:iam::123456789012:root"
    error_message = "The key policy is scoped to this account."
  }
}

run "readers_get_the_parameter_and_its_own_key" {
  assert {
    condition     = output.kms_key_arn == "arn:aws:kms:eu-west-2:123456789012:key/11111111-2222-3333-4444-555555555555" && output.kms_key_arn == aws_kms_key.parameter.arn
    error_message = "kms_key_arn (what the contract's {*_kms_key_arn} placeholders render to) is the parameter's own CMK."
  }
}

run "rejects_relative_name" {
  command = plan
  variables {
    name = "gemini-api-key"
  }
  expect_failures = [var.name]
}

run "rejects_reserved_alias" {
  command = plan
  variables {
    key_alias = "aws/ssm"
  }
  expect_failures = [var.key_alias]
}

run "generated_value_is_written_only_through_value_wo" {
  variables {
    name      = "/moc-platform/dev/cursor-signing-key"
    key_alias = "moc-platform-dev-cursor-signing-key"
    generated = { enabled = true, version = 3 }
  }

  assert {
    condition     = length(aws_ssm_parameter.generated) == 1 && aws_ssm_parameter.generated[0].name == "/moc-platform/dev/cursor-signing-key" && aws_ssm_parameter.generated[0].type == "SecureString" && aws_ssm_parameter.generated[0].key_id == aws_kms_key.parameter.arn
    error_message = "The generated secret is a SecureString encrypted with the module's own CMK."
  }
  assert {
    condition     = aws_ssm_parameter.generated[0].value_wo_version == 3 && nonsensitive(output.settings.value_source) == "generated" && output.put_parameter_command == null
    error_message = "The value is written through value_wo at the requested version."
  }
  assert {
    condition     = can(regex("^[0-9a-f]{64}$", local.generated_value))
    error_message = "The generated value is 64 hex characters (256 random bits), no punctuation."
  }
}

run "rejects_fractional_version" {
  command = plan
  variables {
    generated = { enabled = true, version = 1.5 }
  }
  expect_failures = [var.generated]
}

run "rejects_version_zero" {
  command = plan
  variables {
    generated = { enabled = true, version = 0 }
  }
  expect_failures = [var.generated]
}
