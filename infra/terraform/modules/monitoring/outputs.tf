output "alerts_topic_arn" {
  description = "SNS alerts topic ARN."
  value       = aws_sns_topic.this.arn
}

output "alerts_topic_name" {
  description = "SNS alerts topic name."
  value       = aws_sns_topic.this.name
}

output "alerts_kms_key_arn" {
  description = "CMK of the alerts topic (publishers need kms:GenerateDataKey* and kms:Decrypt on it)."
  value       = aws_kms_key.alerts.arn
}

output "alarms" {
  description = "Alarm name to threshold and actions."
  value = {
    for a in concat(values(aws_cloudwatch_metric_alarm.alarms), values(aws_cloudwatch_metric_alarm.canary)) : a.alarm_name => {
      threshold     = a.threshold
      comparison    = a.comparison_operator
      alarm_actions = a.alarm_actions
      ok_actions    = a.ok_actions
    }
  }
}

output "dashboard_names" {
  description = "Dashboard names."
  value       = [aws_cloudwatch_dashboard.image_service.dashboard_name, aws_cloudwatch_dashboard.processing.dashboard_name]
}

output "budget_name" {
  description = "AWS Budgets budget name."
  value       = aws_budgets_budget.monthly.name
}

output "settings" {
  description = "Effective settings, for tests and reviews."
  value = {
    topic_kms_key         = aws_sns_topic.this.kms_master_key_id
    key_rotation          = aws_kms_key.alerts.enable_key_rotation
    key_policy            = jsondecode(aws_kms_key.alerts.policy)
    topic_policy          = jsondecode(aws_sns_topic_policy.this.policy)
    budget_limit          = aws_budgets_budget.monthly.limit_amount
    budget_notifications  = [for n in aws_budgets_budget.monthly.notification : { type = n.notification_type, threshold = n.threshold, topics = n.subscriber_sns_topic_arns }]
    anomaly_monitor_count = length(aws_ce_anomaly_monitor.cost)
  }
}

output "function_alarm_names" {
  description = "Per function key: its error-rate, (where one exists) p95-duration and (with canary_versions) canary error-rate alarm names, for CodeDeploy deployment groups."
  value = {
    for key in distinct(concat(keys(var.image_service.functions), keys(var.processing.functions))) : key => sort(concat(
      [for k, a in aws_cloudwatch_metric_alarm.alarms : a.alarm_name if contains(["${key}-error-rate", "${key}-p95-duration"], k)],
      [for k, a in aws_cloudwatch_metric_alarm.canary : a.alarm_name if local.canary_alarms[k].function == key],
    ))
  }
}
