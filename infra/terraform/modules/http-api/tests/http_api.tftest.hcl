mock_provider "aws" {
  mock_resource "aws_apigatewayv2_api" {
    defaults = {
      execution_arn = "arn:aws:execute-api:eu-west-2:123456789012:a1b2c3d4e5"
      api_endpoint  = "https://a1b2c3d4e5.execute-api.eu-west-2.amazonaws.com"
    }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:eu-west-2:123456789012:log-group:/aws/apigateway/image-api-dev/access"
    }
  }
}

variables {
  name = "image-api-dev"
  integrations = {
    image-api = {
      function_name = "image-api-dev"
      qualifier     = "live"
      alias_arn     = "arn:aws:lambda:eu-west-2:123456789012:function:image-api-dev:live"
    }
  }
  routes = {
    "POST /images"                    = "image-api"
    "POST /images/{imageId}/complete" = "image-api"
    "GET /images/{imageId}"           = "image-api"
    "GET /images"                     = "image-api"
    "PATCH /images/{imageId}"         = "image-api"
    "DELETE /images/{imageId}"        = "image-api"
  }
  jwt = {
    issuer   = "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_example"
    audience = ["client-id"]
  }
}

run "every_route_has_the_jwt_authorizer" {
  assert {
    condition     = length(output.routes) == 6 && alltrue([for r in values(output.routes) : r.authorization_type == "JWT" && r.authorizer_id == aws_apigatewayv2_authorizer.jwt.id])
    error_message = "Every route must use the JWT authorizer."
  }
  assert {
    condition     = aws_apigatewayv2_authorizer.jwt.authorizer_type == "JWT" && aws_apigatewayv2_authorizer.jwt.jwt_configuration[0].issuer == "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_example"
    error_message = "The authorizer validates tokens from the configured issuer."
  }
  assert {
    condition     = output.settings.payload_versions == tolist(["2.0"]) && aws_apigatewayv2_integration.lambda["image-api"].integration_uri == "arn:aws:lambda:eu-west-2:123456789012:function:image-api-dev:live"
    error_message = "Integrations use payload 2.0 and invoke the live alias."
  }
}

run "stage_logs_json_and_throttles" {
  assert {
    condition     = output.stage_name == "$default" && aws_apigatewayv2_stage.default.auto_deploy
    error_message = "Only the $default stage (a named stage prefixes paths and breaks routing)."
  }
  assert {
    condition     = output.settings.access_log_format.requestId == "$context.requestId" && output.settings.access_log_format.status == "$context.status"
    error_message = "Access logs must be JSON."
  }
  assert {
    condition     = aws_apigatewayv2_stage.default.access_log_settings[0].destination_arn == aws_cloudwatch_log_group.access.arn && output.settings.access_log_retention == 14
    error_message = "Access logs go to a log group with retention."
  }
  assert {
    condition     = output.settings.throttling_burst_limit == 100 && output.settings.throttling_rate_limit == 50
    error_message = "Default route throttling must be set."
  }
  assert {
    condition     = output.settings.cors_allow_origins == tolist(["https://lego-moc.com", "https://www.lego-moc.com"])
    error_message = "CORS limited to the site's origins."
  }
}

run "permission_scoped_to_this_api_and_alias" {
  assert {
    condition     = aws_lambda_permission.invoke["image-api"].source_arn == "arn:aws:execute-api:eu-west-2:123456789012:a1b2c3d4e5/*/*" && aws_lambda_permission.invoke["image-api"].qualifier == "live"
    error_message = "Only this API may invoke the alias."
  }
  assert {
    condition     = length(aws_apigatewayv2_domain_name.this) == 0 && output.url == "https://a1b2c3d4e5.execute-api.eu-west-2.amazonaws.com"
    error_message = "No custom domain without a certificate."
  }
}

run "optional_custom_domain" {
  variables {
    custom_domain = {
      domain_name     = "images-dev.lego-api.com"
      certificate_arn = "arn:aws:acm:eu-west-2:123456789012:certificate/11111111-2222-3333-4444-555555555555"
      route53_zone_id = "Z0123456789ABCDEFGHIJ"
    }
  }
  assert {
    condition     = aws_apigatewayv2_domain_name.this[0].domain_name_configuration[0].security_policy == "TLS_1_2" && length(aws_route53_record.this) == 1
    error_message = "The custom domain requires TLS 1.2 and gets an alias record."
  }
  assert {
    condition     = output.url == "https://images-dev.lego-api.com"
    error_message = "The URL uses the custom domain."
  }
}

run "rejects_http_issuer" {
  command = plan
  variables {
    jwt = { issuer = "http://issuer.example", audience = ["x"] }
  }
  expect_failures = [var.jwt]
}

run "rejects_wildcard_cors" {
  command = plan
  variables {
    cors = { allow_origins = ["*"] }
  }
  expect_failures = [var.cors]
}

run "rejects_subdomain_pattern_cors" {
  command = plan
  variables {
    cors = { allow_origins = ["https://*.lego-moc.com"] }
  }
  expect_failures = [var.cors]
}

run "rejects_malformed_route" {
  command = plan
  variables {
    routes = { "$default" = "image-api" }
  }
  expect_failures = [var.routes]
}

run "rejects_zero_throttling" {
  command = plan
  variables {
    throttling = { rate_limit = 0 }
  }
  expect_failures = [var.throttling]
}
