mock_provider "aws" {
  override_resource {
    target = aws_sqs_queue.this
    values = {
      arn = "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev"
      url = "https://sqs.eu-west-2.amazonaws.com/123456789012/drawing-jobs-dev"
    }
  }
  override_resource {
    target = aws_sqs_queue.dlq
    values = {
      arn = "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dlq-dev"
      url = "https://sqs.eu-west-2.amazonaws.com/123456789012/drawing-jobs-dlq-dev"
    }
  }
}

variables {
  name     = "drawing-jobs-dev"
  dlq_name = "drawing-jobs-dlq-dev"
}

run "seed_values_and_baseline" {
  assert {
    condition     = aws_sqs_queue.this.visibility_timeout_seconds == 1800
    error_message = "Main queue visibility must be 1800 s (the processor's longest run plus margin)."
  }
  assert {
    condition     = aws_sqs_queue.this.receive_wait_time_seconds == 20
    error_message = "Long polling must be 20 s."
  }
  assert {
    condition     = jsondecode(aws_sqs_queue.this.redrive_policy).maxReceiveCount == 3 && jsondecode(aws_sqs_queue.this.redrive_policy).deadLetterTargetArn == aws_sqs_queue.dlq.arn
    error_message = "Messages must move to the DLQ after 3 receives."
  }
  assert {
    condition     = aws_sqs_queue.dlq.message_retention_seconds == 1209600
    error_message = "DLQ retention must be 14 days."
  }
  assert {
    condition     = aws_sqs_queue.this.sqs_managed_sse_enabled && aws_sqs_queue.dlq.sqs_managed_sse_enabled
    error_message = "Both queues must be encrypted."
  }
  assert {
    condition     = jsondecode(aws_sqs_queue_redrive_allow_policy.dlq.redrive_allow_policy).sourceQueueArns == [aws_sqs_queue.this.arn]
    error_message = "Only the main queue may redrive into the DLQ."
  }
}

run "queue_policies_deny_insecure_transport" {
  assert {
    condition = alltrue([
      for p in [output.settings.queue_policy, output.settings.dlq_policy] :
      anytrue([for s in p.Statement : s.Effect == "Deny" && s.Condition.Bool["aws:SecureTransport"] == "false"])
    ])
    error_message = "Both queue policies must deny requests without TLS."
  }
  assert {
    condition     = output.settings.queue_policy.Statement[0].Resource == "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dev" && output.settings.dlq_policy.Statement[0].Resource == "arn:aws:sqs:eu-west-2:123456789012:drawing-jobs-dlq-dev"
    error_message = "Each policy must be scoped to its own queue."
  }
  assert {
    condition = alltrue([
      for p in [output.settings.queue_policy, output.settings.dlq_policy] : alltrue([for s in p.Statement : s.Effect == "Deny"])
    ])
    error_message = "Queue policies grant nothing; access comes from the functions' roles."
  }
}

run "kms_key_replaces_managed_sse" {
  variables {
    kms_master_key_id = "arn:aws:kms:eu-west-2:123456789012:key/11111111-2222-3333-4444-555555555555"
  }
  assert {
    condition     = aws_sqs_queue.this.kms_master_key_id != null && output.settings.sse_enabled
    error_message = "A CMK must be used when given."
  }
}

run "rejects_short_polling" {
  command = plan
  variables {
    receive_wait_time_seconds = 0
  }
  expect_failures = [var.receive_wait_time_seconds]
}

run "rejects_bad_receive_count" {
  command = plan
  variables {
    max_receive_count = 0
  }
  expect_failures = [var.max_receive_count]
}

run "rejects_dlq_retention_over_14_days" {
  command = plan
  variables {
    dlq_message_retention_seconds = 1209601
  }
  expect_failures = [var.dlq_message_retention_seconds]
}

run "rejects_fifo_style_name" {
  command = plan
  variables {
    name = "drawing-jobs.fifo"
  }
  expect_failures = [var.name]
}
