# prod: full sizing, retained and protected data, 90-day logs.
# Set image_api_certificate_arn (and route53_zone_id) to serve images.lego-api.com.
analyzer                      = "gemini"
processor_memory_size         = 3008
processor_maximum_concurrency = 10
api_memory_size               = 1024
# Seed 3.6 asks for 2 warm instances per API; Lambda then turns SnapStart off for those two functions.
api_provisioned_concurrency = 2
log_retention_days          = 90
point_in_time_recovery      = true
deletion_protection         = true
retain_data                 = true
monthly_budget_usd          = 500
api_throttling = {
  burst_limit = 200
  rate_limit  = 100
}
