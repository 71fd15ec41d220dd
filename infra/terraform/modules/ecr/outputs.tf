output "repository_name" {
  description = "Repository name."
  value       = aws_ecr_repository.this.name
}

output "repository_arn" {
  description = "Repository ARN."
  value       = aws_ecr_repository.this.arn
}

output "repository_url" {
  description = "Repository URL (<account>.dkr.ecr.<region>.amazonaws.com/<name>)."
  value       = aws_ecr_repository.this.repository_url
}

output "settings" {
  description = "Effective settings, for tests and reviews."
  value = {
    image_tag_mutability = aws_ecr_repository.this.image_tag_mutability
    force_delete         = aws_ecr_repository.this.force_delete
    scan_on_push         = aws_ecr_repository.this.image_scanning_configuration[0].scan_on_push
    encryption_type      = aws_ecr_repository.this.encryption_configuration[0].encryption_type
    lifecycle_rules      = jsondecode(aws_ecr_lifecycle_policy.this.policy).rules
    repository_policy    = try(jsondecode(aws_ecr_repository_policy.this[0].policy), null)
  }
}
