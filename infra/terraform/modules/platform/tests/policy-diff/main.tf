# Test helper: compares policy documents with reviewed statement lists as sets of whole statements, so that a
# statement too many, too few or changed in any part (sid, effect, principal, actions, resources, conditions)
# shows up, and says which. Order inside a statement's lists does not matter; IAM ignores it too.

variable "actual" {
  description = "Name => policy document (with a Statement list), as deployed."
  type        = any
}

variable "expected" {
  description = "Name => reviewed statements (Sid, Action, Resource; Effect defaults to Allow; optional Principal, Condition)."
  type        = any
}

variable "ignored_sids" {
  description = "Sids left out on both sides (statements another module's tests own)."
  type        = list(string)
  default     = []
}

locals {
  statements = {
    actual   = { for name, document in var.actual : name => document.Statement }
    expected = var.expected
  }

  canonical = {
    for side, documents in local.statements : side => {
      for name, statements in documents : name => toset([
        for s in statements : jsonencode({
          Sid       = s.Sid
          Effect    = try(s.Effect, "Allow")
          Principal = try({ for kind, ids in s.Principal : kind => sort(flatten([ids])) }, try(s.Principal, null))
          Action    = sort(flatten([s.Action]))
          Resource  = sort(flatten([s.Resource]))
          Condition = { for test, keys in try(s.Condition, {}) : test => { for key, values in keys : key => sort(flatten([values])) } }
        }) if !contains(var.ignored_sids, s.Sid)
      ])
    }
  }
}

output "names" {
  description = "Sorted names on each side."
  value       = { actual = sort(keys(var.actual)), expected = sort(keys(var.expected)) }
}

output "unexpected" {
  description = "Name => statements deployed but not reviewed (only names with any)."
  value = {
    for name, statements in local.canonical.actual : name => sort(setsubtract(statements, try(local.canonical.expected[name], [])))
    if length(setsubtract(statements, try(local.canonical.expected[name], []))) > 0
  }
}

output "missing" {
  description = "Name => statements reviewed but not deployed (only names with any)."
  value = {
    for name, statements in local.canonical.expected : name => sort(setsubtract(statements, try(local.canonical.actual[name], [])))
    if length(setsubtract(statements, try(local.canonical.actual[name], []))) > 0
  }
}
