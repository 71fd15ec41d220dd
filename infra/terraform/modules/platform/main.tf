data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

module "naming" {
  source = "../naming"

  environment        = var.environment
  bucket_name_suffix = var.bucket_name_suffix

  # What only the deployment knows; the contract's permissions name these placeholders (contract/README.md).
  permission_values = {
    region                     = data.aws_region.current.name
    account                    = data.aws_caller_identity.current.account_id
    alerts_kms_key_arn         = module.monitoring.alerts_kms_key_arn
    cursor_key_kms_key_arn     = module.cursor_key.kms_key_arn
    gemini_api_key_kms_key_arn = module.gemini_api_key.kms_key_arn
  }
}

data "aws_partition" "current" {}

locals {
  # Created once per account by modules/github-deploy-roles (bootstrap); the deploy role may create roles only
  # with it attached.
  role_boundary_arn = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:policy/${module.naming.prefix}-function-boundary"

  names     = module.naming.resources
  indexes   = module.naming.indexes
  functions = module.naming.functions
  prefix    = module.naming.prefix

  zip_code = {
    for name in ["job-api", "image-api", "dlq-handler", "drawing-processor", "job-reconciler"] : name => (
      var.artifacts.s3_bucket != null
      ? { filename = null, s3_bucket = var.artifacts.s3_bucket, s3_key = "${var.artifacts.s3_key_prefix}${name}/${name}-lambda.zip", image_uri = null }
      : { filename = "${var.artifacts.local_root}/${name}/target/${name}-lambda.zip", s3_bucket = null, s3_key = null, image_uri = null }
    )
  }

  processor_repository_url = one(data.aws_ecr_repository.processor[*].repository_url)
  processor_image_uri      = coalesce(var.processor.image_uri, "${coalesce(local.processor_repository_url, "unset")}:${coalesce(var.processor.image_tag, "unset")}")
  processor_code = (
    var.processor.package_type == "Image"
    ? { filename = null, s3_bucket = null, s3_key = null, image_uri = local.processor_image_uri }
    : local.zip_code["drawing-processor"]
  )

  # Every value a function may receive; each function gets exactly the names the contract lists for it,
  # so a name added to the contract without a value here fails the plan.
  env_values = {
    APP_ENV                  = var.environment
    JOBS_TABLE               = module.jobs.table_name
    DRAWINGS_BUCKET          = module.jobs.bucket_name
    JOBS_QUEUE_URL           = module.queue.queue_url
    JOBS_QUEUE_ARN           = module.queue.queue_arn
    JOBS_DLQ_ARN             = module.queue.dlq_arn
    IMAGES_TABLE             = module.images.table_name
    IMAGES_BUCKET            = module.images.bucket_name
    CDN_BASE_URL             = module.cdn.base_url
    ANALYZER                 = var.analyzer
    GEMINI_API_KEY_PARAMETER = module.gemini_api_key.parameter_name
    GEMINI_MODEL             = var.gemini_model
    ALERTS_TOPIC_ARN         = module.monitoring.alerts_topic_arn
    DLQ_RUNBOOK_URL          = var.dlq_runbook_url
    CURSOR_KEY_PARAMETER     = module.cursor_key.parameter_name
    # The functions keep the key for a container's life; a new version in their configuration publishes a new
    # function version, so a rotation replaces every running container instead of leaving old keys in service.
    CURSOR_KEY_VERSION = tostring(var.cursor_key_version)
    # Twice the queue's visibility timeout: a message in flight or backing off is visible again well before a job
    # counts as forgotten, so the reconciler only sends what was really lost.
    STALE_JOB_AFTER = "${2 * module.queue.settings.visibility_timeout_seconds}s"
  }

  function_env = {
    for name, spec in local.functions : name => { for key in spec.env : key => local.env_values[key] }
  }

  images_prefix     = "images/"
  api_pc            = var.api_functions.provisioned_concurrency
  api_snap_start    = local.api_pc == 0
  api_cors_base     = { allow_origins = var.cors_allowed_origins, max_age = 3600 }
  api_invoke_target = { qualifier = "live", timeout_ms = 29000 }
  jwt               = var.user_pool.enabled ? module.user_pool[0].jwt : var.jwt

  # CodeDeploy shifts `live` for every function that publishes versions: the four zip functions and the
  # processor too (image or zip; CodeDeploy does not care). One rule for all five also keeps every alias at the
  # address aws_lambda_alias.live, so existing states move to live[0] without replacing an alias.
  # The CodeDeploy application is named after the function (the module's default).
  codedeploy = { enabled = var.canary.enabled, deployment_config_name = var.canary.deployment_config_name }

  # Each role is exactly its function's statements in contract/platform-contract.json, rendered with the real
  # names and ARNs; the lambda-function module adds only the function's log group and X-Ray.
  statements = module.naming.permissions
}

module "jobs" {
  source = "../job-store"

  table_name             = local.names.jobs_table
  owner_index_name       = local.indexes.jobs_by_owner
  status_index_name      = local.indexes.jobs_by_status
  bucket_name            = local.names.drawings_bucket
  point_in_time_recovery = var.data_protection.point_in_time_recovery
  deletion_protection    = var.data_protection.deletion_protection
  retain_data            = var.data_protection.retain_data
  cors_allowed_origins   = var.cors_allowed_origins
  tags                   = var.tags
}

module "images" {
  source = "../image-store"

  table_name               = local.names.images_table
  user_index_name          = local.indexes.images_by_user
  album_index_name         = local.indexes.images_by_album
  bucket_name              = local.names.images_bucket
  point_in_time_recovery   = var.data_protection.point_in_time_recovery
  deletion_protection      = var.data_protection.deletion_protection
  retain_data              = var.data_protection.retain_data
  cors_allowed_origins     = var.cors_allowed_origins
  bucket_policy_statements = module.cdn.origin_bucket_policy_statements
  tags                     = var.tags
}

module "cdn" {
  source = "../cdn"

  name = "${local.prefix}-images"
  origin_bucket = {
    name                 = module.images.bucket_name
    arn                  = module.images.bucket_arn
    regional_domain_name = module.images.bucket_regional_domain_name
  }
  readable_paths = ["${local.images_prefix}*"]
  custom_domain  = var.cdn_domain
  tags           = var.tags
}

module "queue" {
  source = "../queue-with-dlq"

  name     = local.names.jobs_queue
  dlq_name = local.names.jobs_dlq
  # The DLQ consumer's timeout times six leaves room for retries inside one visibility window.
  dlq_visibility_timeout_seconds = var.dlq_handler.timeout * 6
  tags                           = var.tags
}

module "gemini_api_key" {
  source = "../secure-parameter"

  name        = local.names.gemini_api_key_parameter
  description = "Gemini API key for the drawing processor."
  key_alias   = "${local.prefix}-gemini-api-key"
  tags        = var.tags
}

# Earlier versions managed the Gemini key parameter with a placeholder value; every refresh then copied the real
# key into state and saved plans. Forget it without deleting it: the operator's value stays in SSM.
removed {
  from = module.gemini_api_key.aws_ssm_parameter.this

  lifecycle {
    destroy = false
  }
}

# The module names its one managed parameter `generated` now (none for an operator's secret).
moved {
  from = module.cursor_key.aws_ssm_parameter.this
  to   = module.cursor_key.aws_ssm_parameter.generated[0]
}

# Signs the pagination cursors of GET /jobs and GET /images (HMAC-SHA256). Nobody needs to know it, so Terraform
# generates it and never stores it; a new cursor_key_version writes a new key, which invalidates the cursors
# already handed out (clients get 400 invalid_cursor and list again from the start).
module "cursor_key" {
  source = "../secure-parameter"

  name        = local.names.cursor_key_parameter
  description = "HMAC-SHA256 key of the list cursors of job-api and image-api; generated by Terraform, rotated with cursor_key_version."
  key_alias   = "${local.prefix}-cursor-signing-key"
  generated   = { enabled = true, version = var.cursor_key_version }
  tags        = var.tags
}

# The processor's image repository belongs to the account bootstrap (infra/terraform/bootstrap): the image must be
# pushed before the first apply can create the function, so the environment only looks it up (the plan stops
# here, naming the repository, when bootstrap has not created it). A zip-packaged processor, or an image given by
# its full URI, needs no repository, so none is looked up.
data "aws_ecr_repository" "processor" {
  count = var.processor.package_type == "Image" && var.processor.image_uri == null ? 1 : 0
  name  = local.functions["drawing-processor"].function_name
}

# Earlier versions created the repository here. Forget it without deleting it (its images are the releases);
# bootstrap adopts it (infra/terraform/README.md, "Upgrading: the processor repository moves to bootstrap").
removed {
  from = module.processor_repository

  lifecycle {
    destroy = false
  }
}

module "job_api" {
  source = "../lambda-function"

  codedeploy               = local.codedeploy
  codedeploy_alarm_names   = module.monitoring.function_alarm_names["job-api"]
  permissions_boundary_arn = local.role_boundary_arn

  function_name           = local.functions["job-api"].function_name
  description             = "Drawings and jobs HTTP API"
  handler                 = local.functions["job-api"].handler
  code                    = local.zip_code["job-api"]
  memory_size             = var.api_functions.memory_size
  timeout                 = var.api_functions.timeout
  snap_start              = local.api_snap_start
  provisioned_concurrency = local.api_pc
  environment_variables   = local.function_env["job-api"]
  jvm_options             = var.api_functions.jvm_options
  policy_statements       = local.statements["job-api"]
  log_retention_days      = var.log_retention_days
  tags                    = var.tags
}

module "image_api" {
  source = "../lambda-function"

  codedeploy               = local.codedeploy
  codedeploy_alarm_names   = module.monitoring.function_alarm_names["image-api"]
  permissions_boundary_arn = local.role_boundary_arn

  function_name           = local.functions["image-api"].function_name
  description             = "Images HTTP API"
  handler                 = local.functions["image-api"].handler
  code                    = local.zip_code["image-api"]
  memory_size             = var.api_functions.memory_size
  timeout                 = var.api_functions.timeout
  snap_start              = local.api_snap_start
  provisioned_concurrency = local.api_pc
  environment_variables   = local.function_env["image-api"]
  jvm_options             = var.api_functions.jvm_options
  policy_statements       = local.statements["image-api"]
  log_retention_days      = var.log_retention_days
  tags                    = var.tags
}

module "drawing_processor" {
  source = "../lambda-function"

  codedeploy               = local.codedeploy
  codedeploy_alarm_names   = module.monitoring.function_alarm_names["drawing-processor"]
  permissions_boundary_arn = local.role_boundary_arn

  function_name         = local.functions["drawing-processor"].function_name
  description           = "SQS consumer: validates, extracts and analyses drawings"
  package_type          = var.processor.package_type
  handler               = local.functions["drawing-processor"].handler
  code                  = local.processor_code
  memory_size           = var.processor.memory_size
  timeout               = var.processor.timeout
  environment_variables = local.function_env["drawing-processor"]
  policy_statements     = local.statements["drawing-processor"]
  log_retention_days    = var.log_retention_days

  sqs_event_sources = {
    jobs = {
      queue_arn           = module.queue.queue_arn
      batch_size          = 1
      maximum_concurrency = var.processor.maximum_concurrency
    }
  }

  tags = var.tags
}

module "dlq_handler" {
  source = "../lambda-function"

  codedeploy               = local.codedeploy
  codedeploy_alarm_names   = module.monitoring.function_alarm_names["dlq-handler"]
  permissions_boundary_arn = local.role_boundary_arn

  function_name         = local.functions["dlq-handler"].function_name
  description           = "DLQ consumer: marks jobs failed and alerts once per job"
  handler               = local.functions["dlq-handler"].handler
  code                  = local.zip_code["dlq-handler"]
  memory_size           = var.dlq_handler.memory_size
  timeout               = var.dlq_handler.timeout
  environment_variables = local.function_env["dlq-handler"]
  jvm_options           = var.dlq_handler.jvm_options
  policy_statements     = local.statements["dlq-handler"]
  log_retention_days    = var.log_retention_days

  sqs_event_sources = {
    dead_letters = {
      queue_arn  = module.queue.dlq_arn
      batch_size = 10
    }
  }

  tags = var.tags
}

# The APIs' identity provider: a pool created here, or the one given as jwt.
module "user_pool" {
  source = "../user-pool"
  count  = var.user_pool.enabled ? 1 : 0

  name                = "${local.prefix}-users"
  self_sign_up        = var.user_pool.self_sign_up
  password_auth       = var.user_pool.password_auth
  deletion_protection = var.data_protection.deletion_protection
  tags                = var.tags
}

module "job_reconciler" {
  source = "../lambda-function"

  codedeploy               = local.codedeploy
  codedeploy_alarm_names   = module.monitoring.function_alarm_names["job-reconciler"]
  permissions_boundary_arn = local.role_boundary_arn

  function_name         = local.functions["job-reconciler"].function_name
  description           = "Scheduled: sends the message of jobs left queued, or processing without a lease, again"
  handler               = local.functions["job-reconciler"].handler
  code                  = local.zip_code["job-reconciler"]
  memory_size           = var.reconciler.memory_size
  timeout               = var.reconciler.timeout
  environment_variables = local.function_env["job-reconciler"]
  jvm_options           = var.reconciler.jvm_options
  policy_statements     = local.statements["job-reconciler"]
  # One run at a time: two overlapping runs would only race for the same jobs.
  reserved_concurrency = 1
  log_retention_days   = var.log_retention_days
  tags                 = var.tags
}

# EventBridge invokes the reconciler's live alias on the contract's schedule, with a Scheduled Event.
resource "aws_cloudwatch_event_rule" "reconciler" {
  name                = "${local.prefix}-job-reconciler"
  description         = "Runs job-reconciler: jobs whose message was lost are sent again."
  schedule_expression = "rate(${local.functions["job-reconciler"].every_minutes} minutes)"
  tags                = var.tags
}

resource "aws_cloudwatch_event_target" "reconciler" {
  rule = aws_cloudwatch_event_rule.reconciler.name
  arn  = module.job_reconciler.alias_arn
}

resource "aws_lambda_permission" "reconciler_schedule" {
  statement_id  = "AllowScheduleRule"
  action        = "lambda:InvokeFunction"
  function_name = module.job_reconciler.function_name
  qualifier     = module.job_reconciler.alias_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.reconciler.arn
}

module "job_http_api" {
  source = "../http-api"

  name                      = "${local.prefix}-job-api"
  description               = "Drawings and jobs"
  access_log_retention_days = var.log_retention_days
  throttling                = var.api_throttling
  jwt                       = local.jwt

  integrations = {
    job-api = merge(local.api_invoke_target, { function_name = module.job_api.function_name, alias_arn = module.job_api.alias_arn })
  }

  routes = {
    "POST /drawings"            = "job-api"
    "POST /process-drawing"     = "job-api"
    "GET /status/{job_id}"      = "job-api"
    "GET /jobs"                 = "job-api"
    "DELETE /jobs/{job_id}"     = "job-api"
    "POST /jobs/{job_id}/retry" = "job-api"
  }

  cors = merge(local.api_cors_base, {
    allow_methods  = ["GET", "POST", "DELETE", "OPTIONS"]
    allow_headers  = ["Content-Type", "Authorization", "Idempotency-Key", "X-Correlation-Id"]
    expose_headers = ["Location", "Retry-After", "X-Correlation-Id"]
  })

  tags = var.tags
}

module "image_http_api" {
  source = "../http-api"

  name                      = "${local.prefix}-image-api"
  description               = "Images"
  access_log_retention_days = var.log_retention_days
  throttling                = var.api_throttling
  jwt                       = local.jwt
  custom_domain             = var.image_api_domain

  integrations = {
    image-api = merge(local.api_invoke_target, { function_name = module.image_api.function_name, alias_arn = module.image_api.alias_arn })
  }

  routes = {
    "POST /images"                    = "image-api"
    "POST /images/{imageId}/complete" = "image-api"
    "GET /images/{imageId}"           = "image-api"
    "GET /images"                     = "image-api"
    "PATCH /images/{imageId}"         = "image-api"
    "DELETE /images/{imageId}"        = "image-api"
  }

  cors = merge(local.api_cors_base, {
    allow_methods  = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    allow_headers  = ["Content-Type", "Authorization", "If-Match", "If-None-Match", "X-Correlation-Id"]
    expose_headers = ["ETag", "Location", "X-Correlation-Id"]
  })

  tags = var.tags
}

module "monitoring" {
  source = "../monitoring"

  name_prefix        = local.prefix
  alerts_topic_name  = local.names.alerts_topic
  monthly_budget_usd = var.monitoring.monthly_budget_usd
  cost_allocation_tag = {
    key   = "Environment"
    value = var.environment
  }
  anomaly_alert_threshold_usd = var.monitoring.anomaly_alert_threshold_usd
  create_cost_anomaly_monitor = var.monitoring.create_cost_anomaly_monitor
  alert_email_addresses       = var.monitoring.alert_email_addresses

  image_service = {
    functions = { image-api = local.functions["image-api"].function_name }
    apis      = { image-api = module.image_http_api.api_id }
    tables    = { images-table = local.names.images_table }
    buckets = {
      images-bucket = { name = local.names.images_bucket, filter_id = coalesce(module.images.bucket_request_metrics_filter_id, "EntireBucket") }
    }
    distributions = { images-cdn = module.cdn.distribution_id }
  }

  processing = {
    functions = {
      job-api           = local.functions["job-api"].function_name
      drawing-processor = local.functions["drawing-processor"].function_name
      dlq-handler       = local.functions["dlq-handler"].function_name
      job-reconciler    = local.functions["job-reconciler"].function_name
    }
    apis               = { job-api = module.job_http_api.api_id }
    tables             = { jobs-table = local.names.jobs_table }
    queues             = { jobs-queue = local.names.jobs_queue }
    dead_letter_queues = { jobs-dlq = local.names.jobs_dlq }
    # job-api's metrics carry its Lambda function name as the `function` dimension.
    job_intake_functions = { job-api = local.functions["job-api"].function_name }
    reconciler_functions = { job-reconciler = local.functions["job-reconciler"].function_name }
  }

  # The versions this apply publishes; CodeDeploy shifts `live` to them and rolls back on their own error rate.
  # (Outputs one by one: the whole module objects would make a cycle through the deployment groups.)
  canary_versions = var.canary.enabled ? {
    job-api           = { function_name = module.job_api.function_name, alias = module.job_api.alias_name, version = module.job_api.version }
    image-api         = { function_name = module.image_api.function_name, alias = module.image_api.alias_name, version = module.image_api.version }
    drawing-processor = { function_name = module.drawing_processor.function_name, alias = module.drawing_processor.alias_name, version = module.drawing_processor.version }
    dlq-handler       = { function_name = module.dlq_handler.function_name, alias = module.dlq_handler.alias_name, version = module.dlq_handler.version }
    job-reconciler    = { function_name = module.job_reconciler.function_name, alias = module.job_reconciler.alias_name, version = module.job_reconciler.version }
  } : {}

  log_group_names = [module.job_api.log_group_name, module.image_api.log_group_name, module.drawing_processor.log_group_name, module.dlq_handler.log_group_name, module.job_reconciler.log_group_name]
  tags            = var.tags
}
