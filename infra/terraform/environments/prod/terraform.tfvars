# prod: settings of this environment's account; sizing and data protection are fixed in main.tf.
# Per release, CI passes TF_VAR_artifacts_bucket, TF_VAR_artifacts_key_prefix and TF_VAR_processor_image_tag.
# The APIs' identity provider, one of: jwt_issuer and jwt_audience of an existing user pool (here or as
# TF_VAR_jwt_*), or create_user_pool = true (a pool and app client created with the stack; output user_pool).
# dlq_runbook_url is required (CI passes the runbook at the deployed commit); by hand e.g.
# dlq_runbook_url = "https://github.com/<owner>/<repo>/blob/main/docs/runbook.md"
# Commented lines keep the default. A value set here wins over TF_VAR_*; -var wins over both.
# alert_email_addresses     = ["oncall@example.com"]
# image_api_certificate_arn = "arn:aws:acm:eu-west-2:<account>:certificate/<id>" # images.lego-api.com
# route53_zone_id           = "<hosted zone id of lego-api.com>"
# bucket_name_suffix        = "-<suffix>"
# cursor_key_version        = 2 # rotates the cursor signing key (docs/deployment.md); keep it once raised
