# Optional CodeDeploy application and deployment group that shift the `live` alias to a new version
# (tools/deploy/release.sh creates the deployments). The group's alarms stop a deployment and CodeDeploy returns
# the alias to the previous version by itself.

data "aws_partition" "current" {
  count = local.codedeploy ? 1 : 0
}

locals {
  codedeploy_application = coalesce(var.codedeploy.application_name, var.function_name)
  codedeploy_group       = "${var.function_name}-${var.alias_name}"
  # AWS managed policy for CodeDeploy on Lambda without the broad S3 read of AWSCodeDeployRoleForLambda:
  # lambda:UpdateAlias/GetAlias/GetProvisionedConcurrencyConfig, cloudwatch:DescribeAlarms, sns:Publish on
  # CodeDeployTopic_* and lambda:InvokeFunction on CodeDeployHook_* only (no "*" action).
  codedeploy_managed_policy = "AWSCodeDeployRoleForLambdaLimited"
}

resource "aws_iam_role" "codedeploy" {
  count = local.codedeploy ? 1 : 0

  name                 = "${var.function_name}-codedeploy"
  description          = "CodeDeploy service role for ${var.function_name}:${var.alias_name}."
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "codedeploy.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "codedeploy" {
  count = local.codedeploy ? 1 : 0

  role       = aws_iam_role.codedeploy[0].name
  policy_arn = "arn:${data.aws_partition.current[0].partition}:iam::aws:policy/service-role/${local.codedeploy_managed_policy}"
}

resource "aws_codedeploy_app" "this" {
  count = local.codedeploy ? 1 : 0

  name             = local.codedeploy_application
  compute_platform = "Lambda"
  tags             = var.tags
}

resource "aws_codedeploy_deployment_group" "this" {
  count = local.codedeploy ? 1 : 0

  app_name               = aws_codedeploy_app.this[0].name
  deployment_group_name  = local.codedeploy_group
  service_role_arn       = aws_iam_role.codedeploy[0].arn
  deployment_config_name = var.codedeploy.deployment_config_name

  deployment_style {
    deployment_type   = "BLUE_GREEN"
    deployment_option = "WITH_TRAFFIC_CONTROL"
  }

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
  }

  alarm_configuration {
    enabled = true
    alarms  = var.codedeploy_alarm_names
    # An alarm that cannot be read stops the deployment rather than letting it through unwatched.
    ignore_poll_alarm_failure = false
  }

  tags = var.tags

  depends_on = [aws_iam_role_policy_attachment.codedeploy]
}
