mock_provider "aws" {
  source = "../../tests/mocks"
}

override_resource {
  target = aws_cognito_user_pool.this
  values = { id = "eu-west-2_AbCdEf123", arn = "arn:aws:cognito-idp:eu-west-2:123456789012:userpool/eu-west-2_AbCdEf123" }
}

override_resource {
  target = aws_cognito_user_pool_client.app
  values = { id = "4example0client0id000000aa" }
}

variables {
  name = "moc-platform-dev-users"
}

run "issuer_and_audience_for_the_authorizer" {
  assert {
    condition     = output.jwt == { issuer = "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbCdEf123", audience = ["4example0client0id000000aa"] }
    error_message = "The authorizer trusts this pool's issuer URL and its app client as the audience."
  }
  assert {
    condition     = aws_cognito_user_pool_client.app.name == "moc-platform-dev-users-app" && aws_cognito_user_pool_client.app.user_pool_id == "eu-west-2_AbCdEf123"
    error_message = "One app client of this pool."
  }
}

run "public_client_without_secret_and_narrow_flows" {
  assert {
    condition     = output.settings.generate_secret == false && output.settings.explicit_auth_flows == tolist(["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"])
    error_message = "A public client (browsers hold no secret) with SRP, refresh and, for the deploy checks' users, password sign-in; nothing else (no admin flows, no custom auth)."
  }
  assert {
    condition     = output.settings.prevent_user_existence_errors == "ENABLED" && output.settings.password_minimum_length >= 12 && output.settings.deletion_protection == "ACTIVE" && output.settings.admin_create_user_only == false
    error_message = "Sign-in does not reveal which users exist; passwords of 12+ characters; the pool is protected from deletion; users sign themselves up."
  }
}

run "without_password_sign_in_and_self_sign_up" {
  variables {
    password_auth       = false
    self_sign_up        = false
    deletion_protection = false
  }
  assert {
    condition     = output.settings.explicit_auth_flows == tolist(["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"]) && output.settings.admin_create_user_only && output.settings.deletion_protection == "INACTIVE"
    error_message = "Password sign-in and self sign-up can be switched off."
  }
}

run "rejects_name_with_spaces" {
  command = plan
  variables {
    name = "moc platform"
  }
  expect_failures = [var.name]
}
