# staging: production-like sizing, disposable data.
analyzer                    = "gemini"
processor_memory_size       = 3008
api_memory_size             = 1024
api_provisioned_concurrency = 0
log_retention_days          = 30
point_in_time_recovery      = true
deletion_protection         = false
retain_data                 = false
monthly_budget_usd          = 150
api_throttling = {
  burst_limit = 100
  rate_limit  = 50
}
