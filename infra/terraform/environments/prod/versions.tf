terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Partial configuration: the state bucket is given at init (see ../../README.md).
  backend "s3" {
    key          = "moc-platform/prod/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}
