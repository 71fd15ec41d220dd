# This account's values (examples until set).
# repository       = "<owner>/<repo>"
# state_bucket     = "moc-platform-tfstate-<account alias>"
# artifacts_bucket = "moc-platform-artifacts-<account alias>"
