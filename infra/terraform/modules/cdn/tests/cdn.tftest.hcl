mock_provider "aws" {
  mock_resource "aws_cloudfront_distribution" {
    defaults = {
      arn         = "arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE"
      domain_name = "d111111abcdef8.cloudfront.net"
    }
  }
}

variables {
  name = "moc-platform-dev-images"
  origin_bucket = {
    name                 = "images-lego-moc-dev"
    arn                  = "arn:aws:s3:::images-lego-moc-dev"
    regional_domain_name = "images-lego-moc-dev.s3.eu-west-2.amazonaws.com"
  }
}

run "distribution_matches_seed_and_baseline" {
  assert {
    condition     = output.settings.viewer_protocol_policy == "redirect-to-https" && output.settings.compress
    error_message = "Redirect to HTTPS with compression."
  }
  assert {
    condition     = output.settings.default_ttl == 86400 && output.settings.max_ttl == 31536000 && aws_cloudfront_cache_policy.images.min_ttl == 0
    error_message = "24 h default TTL, 365 d max TTL."
  }
  assert {
    condition     = aws_cloudfront_cache_policy.images.parameters_in_cache_key_and_forwarded_to_origin[0].enable_accept_encoding_brotli && aws_cloudfront_cache_policy.images.parameters_in_cache_key_and_forwarded_to_origin[0].enable_accept_encoding_gzip
    error_message = "Brotli and gzip."
  }
  assert {
    condition     = output.settings.price_class == "PriceClass_100" && output.settings.http_version == "http2"
    error_message = "PRICE_CLASS_100 and HTTP/2."
  }
  assert {
    condition     = output.settings.uses_oac && !output.settings.uses_legacy_oai && aws_cloudfront_origin_access_control.this.signing_behavior == "always" && aws_cloudfront_origin_access_control.this.origin_access_control_origin_type == "s3"
    error_message = "The origin must use origin access control, not the legacy OAI."
  }
  assert {
    condition     = aws_cloudfront_response_headers_policy.security.security_headers_config[0].strict_transport_security[0].access_control_max_age_sec >= 31536000 && aws_cloudfront_response_headers_policy.security.security_headers_config[0].content_type_options[0].override
    error_message = "Response headers policy with HSTS and nosniff."
  }
  assert {
    condition = [for h in aws_cloudfront_response_headers_policy.security.security_headers_config[0].strict_transport_security : {
      include_subdomains = h.include_subdomains, preload = h.preload, override = h.override
    }] == [{ include_subdomains = true, preload = true, override = true }]
    error_message = "HSTS covers subdomains, is preloadable and overrides whatever the origin sends."
  }
  assert {
    condition     = output.settings.additional_metrics == "Enabled" && aws_cloudfront_monitoring_subscription.this[0].distribution_id == aws_cloudfront_distribution.this.id
    error_message = "The distribution publishes CloudFront's additional metrics (CacheHitRate for the dashboard)."
  }
  assert {
    condition     = output.settings.response_headers_policy == aws_cloudfront_response_headers_policy.security.id
    error_message = "The response headers policy is attached."
  }
  assert {
    condition     = output.base_url == "https://d111111abcdef8.cloudfront.net"
    error_message = "The base URL is https://<cloudfront domain>."
  }
}

run "bucket_statement_scoped_to_this_distribution" {
  assert {
    condition     = output.origin_bucket_policy_statements[0].principals.identifiers == ["cloudfront.amazonaws.com"] && output.origin_bucket_policy_statements[0].actions == ["s3:GetObject"]
    error_message = "Only CloudFront may read, and only GetObject."
  }
  assert {
    condition     = output.origin_bucket_policy_statements[0].conditions[0].values == ["arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE"]
    error_message = "The read is bound to this distribution's ARN."
  }
  assert {
    condition     = output.origin_bucket_policy_statements[0].resources == ["arn:aws:s3:::images-lego-moc-dev/images/*"]
    error_message = "The read is limited to the image prefix."
  }
}

run "custom_domain_uses_tls_1_2_2021" {
  variables {
    custom_domain = {
      aliases             = ["cdn.lego-moc.com"]
      acm_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"
    }
  }
  assert {
    condition     = output.settings.minimum_protocol_version == "TLSv1.2_2021" && aws_cloudfront_distribution.this.viewer_certificate[0].ssl_support_method == "sni-only"
    error_message = "Custom domains require TLSv1.2_2021 and SNI."
  }
  assert {
    condition     = output.base_url == "https://cdn.lego-moc.com"
    error_message = "The base URL uses the alias when one is set."
  }
}

run "rejects_certificate_outside_us_east_1" {
  command = plan
  variables {
    custom_domain = {
      aliases             = ["cdn.lego-moc.com"]
      acm_certificate_arn = "arn:aws:acm:eu-west-2:123456789012:certificate/11111111-2222-3333-4444-555555555555"
    }
  }
  expect_failures = [var.custom_domain]
}

run "rejects_unknown_price_class" {
  command = plan
  variables {
    price_class = "PRICE_CLASS_100"
  }
  expect_failures = [var.price_class]
}

run "rejects_short_hsts" {
  command = plan
  variables {
    hsts_max_age_seconds = 3600
  }
  expect_failures = [var.hsts_max_age_seconds]
}
