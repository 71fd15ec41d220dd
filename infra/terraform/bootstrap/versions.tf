terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Local state: this root creates the state bucket the environment roots use. It holds only the two buckets,
  # the OIDC provider and six roles; keep terraform.tfstate with the account's admin records (it is gitignored),
  # or move it into the new bucket afterwards with a backend "s3" block and `terraform init -migrate-state`.
}
