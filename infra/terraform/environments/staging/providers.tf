provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project     = "moc-platform"
      Environment = local.environment
      ManagedBy   = "terraform"
    }
  }
}
