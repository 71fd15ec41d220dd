output "user_pool_id" {
  description = "User pool id (<region>_<id>)."
  value       = aws_cognito_user_pool.this.id
}

output "user_pool_arn" {
  description = "User pool ARN."
  value       = aws_cognito_user_pool.this.arn
}

output "client_id" {
  description = "Id of the public app client: the JWT audience."
  value       = aws_cognito_user_pool_client.app.id
}

output "jwt" {
  description = "What the HTTP APIs' JWT authorizer needs: issuer (https://cognito-idp.<region>.amazonaws.com/<pool id>) and audience (the app client)."
  value = {
    issuer   = "https://cognito-idp.${data.aws_region.current.name}.amazonaws.com/${aws_cognito_user_pool.this.id}"
    audience = [aws_cognito_user_pool_client.app.id]
  }
}

output "settings" {
  description = "Effective settings, for tests and reviews."
  value = {
    deletion_protection           = aws_cognito_user_pool.this.deletion_protection
    admin_create_user_only        = aws_cognito_user_pool.this.admin_create_user_config[0].allow_admin_create_user_only
    password_minimum_length       = aws_cognito_user_pool.this.password_policy[0].minimum_length
    generate_secret               = aws_cognito_user_pool_client.app.generate_secret
    explicit_auth_flows           = sort(tolist(aws_cognito_user_pool_client.app.explicit_auth_flows))
    prevent_user_existence_errors = aws_cognito_user_pool_client.app.prevent_user_existence_errors
  }
}
