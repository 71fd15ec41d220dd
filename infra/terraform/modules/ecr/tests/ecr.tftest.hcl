mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_region" {
    defaults = { name = "eu-west-2" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
}

variables {
  name                  = "drawing-processor-dev"
  lambda_function_names = ["drawing-processor-dev"]
}

run "repository_meets_baseline" {
  assert {
    condition     = output.settings.image_tag_mutability == "IMMUTABLE" && output.settings.scan_on_push
    error_message = "Tags must be immutable and images scanned on push."
  }
  assert {
    condition     = output.settings.encryption_type == "AES256"
    error_message = "Images are encrypted at rest."
  }
  assert {
    condition     = length(output.settings.lifecycle_rules) == 2 && output.settings.lifecycle_rules[0].selection.tagStatus == "untagged" && output.settings.lifecycle_rules[1].selection.countNumber == 30
    error_message = "A lifecycle policy expires untagged images and keeps a rollback window."
  }
  assert {
    condition     = !aws_ecr_repository.this.force_delete
    error_message = "Repositories are not force-deleted by default."
  }
}

run "only_the_named_functions_may_pull" {
  assert {
    condition     = output.settings.repository_policy.Statement[0].Principal.Service == "lambda.amazonaws.com" && output.settings.repository_policy.Statement[0].Action == ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    error_message = "Lambda may only pull."
  }
  assert {
    condition = output.settings.repository_policy.Statement[0].Condition.StringLike["aws:sourceArn"] == [
      "arn:aws:lambda:eu-west-2:123456789012:function:drawing-processor-dev",
      "arn:aws:lambda:eu-west-2:123456789012:function:drawing-processor-dev:*",
    ]
    error_message = "Pulls are limited to the named function and its versions."
  }
}

run "rejects_wildcard_function_name" {
  command = plan
  variables {
    lambda_function_names = ["*"]
  }
  expect_failures = [var.lambda_function_names]
}

run "rejects_uppercase_name" {
  command = plan
  variables {
    name = "Drawing-Processor"
  }
  expect_failures = [var.name]
}
