output "queue_name" {
  description = "Main queue name."
  value       = aws_sqs_queue.this.name
}

output "queue_url" {
  description = "Main queue URL."
  value       = aws_sqs_queue.this.url
}

output "queue_arn" {
  description = "Main queue ARN."
  value       = aws_sqs_queue.this.arn
}

output "dlq_name" {
  description = "DLQ name."
  value       = aws_sqs_queue.dlq.name
}

output "dlq_url" {
  description = "DLQ URL."
  value       = aws_sqs_queue.dlq.url
}

output "dlq_arn" {
  description = "DLQ ARN."
  value       = aws_sqs_queue.dlq.arn
}

output "settings" {
  description = "Effective settings, for tests and reviews."
  value = {
    visibility_timeout_seconds     = aws_sqs_queue.this.visibility_timeout_seconds
    receive_wait_time_seconds      = aws_sqs_queue.this.receive_wait_time_seconds
    max_receive_count              = jsondecode(aws_sqs_queue.this.redrive_policy).maxReceiveCount
    dead_letter_target_arn         = jsondecode(aws_sqs_queue.this.redrive_policy).deadLetterTargetArn
    dlq_message_retention_seconds  = aws_sqs_queue.dlq.message_retention_seconds
    dlq_visibility_timeout_seconds = aws_sqs_queue.dlq.visibility_timeout_seconds
    sse_enabled                    = (aws_sqs_queue.this.sqs_managed_sse_enabled == true || aws_sqs_queue.this.kms_master_key_id != null) && (aws_sqs_queue.dlq.sqs_managed_sse_enabled == true || aws_sqs_queue.dlq.kms_master_key_id != null)
    queue_policy                   = jsondecode(aws_sqs_queue_policy.this.policy)
    dlq_policy                     = jsondecode(aws_sqs_queue_policy.dlq.policy)
  }
}
