# dev: smaller, cheaper, disposable. The JWT issuer/audience and the processor image tag are passed at apply
# (TF_VAR_jwt_issuer, TF_VAR_jwt_audience, TF_VAR_processor_image_tag); see ../../README.md.
analyzer                    = "offline"
processor_memory_size       = 1536
api_memory_size             = 768
api_provisioned_concurrency = 0
log_retention_days          = 14
point_in_time_recovery      = false
deletion_protection         = false
retain_data                 = false
monthly_budget_usd          = 50
api_throttling = {
  burst_limit = 50
  rate_limit  = 20
}
