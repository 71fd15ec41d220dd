/**
 * How the shared records are stored in DynamoDB: static immutable table schemas built once (no reflection at run
 * time), attribute converters for nested values, and the table definitions that tests and the devstack use to
 * create the same tables Terraform declares.
 */
package io.mocplatform.jobstore.dynamodb;
